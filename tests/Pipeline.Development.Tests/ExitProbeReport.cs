using System.Globalization;

namespace Pipeline.Development.Tests;

/// <summary>
/// What the exit probe (tests/Pipeline.ExitProbe) says it started, from its one line
/// <c>azurite=&lt;pid&gt; sleep=&lt;pid&gt; ports=&lt;blob&gt;,&lt;queue&gt;,&lt;table&gt; folder=&lt;path&gt;</c>.
/// </summary>
internal sealed record ExitProbeReport(int AzuritePid, int SleepPid, IReadOnlyList<int> Ports, string Folder)
{
    private const string FolderKey = " folder=";

    public static ExitProbeReport Parse(string line)
    {
        // The folder comes last and runs to the end of the line, whatever it holds.
        var folderAt = line.IndexOf(FolderKey, StringComparison.Ordinal);
        if (folderAt < 0)
        {
            throw new FormatException($"The exit probe's line has no folder: '{line}'.");
        }

        var fields = line[..folderAt].Split(' ').Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f.Length == 2 ? f[1] : "");
        return new ExitProbeReport(
            Number(fields, "azurite", line),
            Number(fields, "sleep", line),
            Field(fields, "ports", line).Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray(),
            line[(folderAt + FolderKey.Length)..]);
    }

    private static int Number(Dictionary<string, string> fields, string key, string line) =>
        int.Parse(Field(fields, key, line), CultureInfo.InvariantCulture);

    private static string Field(Dictionary<string, string> fields, string key, string line) =>
        fields.TryGetValue(key, out var value) ? value : throw new FormatException($"The exit probe's line has no {key}: '{line}'.");
}

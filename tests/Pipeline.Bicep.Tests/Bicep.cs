using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Testing;

namespace Pipeline.Bicep.Tests;

/// <summary>The Bicep CLI restored from NuGet (Azure.Bicep.CommandLine.linux-x64), run on infra/.</summary>
internal static class Bicep
{
    public static string Executable { get; } = typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BicepExecutable").Value!;

    public static string InfraFolder => Path.Combine(RepositoryRoot.Find(), "infra");

    private static readonly Lazy<JsonObject> Main = new(() => (JsonObject)JsonNode.Parse(Run("build", Path.Combine(InfraFolder, "main.bicep"), "--stdout").Output)!);

    /// <summary>main.bicep compiled to ARM JSON.</summary>
    public static JsonObject Arm => Main.Value;

    public static (int Exit, string Output, string Error) Run(params string[] arguments)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"The Bicep CLI is missing at {Executable}: restore tests/Pipeline.Bicep.Tests.");
        }

        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        // Killed with its children if the test host exits first, and on the timeout below.
        using var exitCleanUp = ChildProcesses.Register(() => Kill(process));
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            Kill(process);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish in 120 s and was killed.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    private static void Kill(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    /// <summary>Every resource of the compiled template, nested deployments included.</summary>
    public static IEnumerable<JsonObject> Resources(JsonObject template)
    {
        var resources = template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject map => map.Select(p => p.Value).OfType<JsonObject>(),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return resource;
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in Resources(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>Resources of a type that the template creates (not 'existing' references).</summary>
    public static IEnumerable<JsonObject> OfType(string type) =>
        Resources(Arm).Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase) && r["existing"] is null);

    /// <summary>
    /// The app settings the function app gets from main.bicep with <paramref name="parameters"/> (name → a Bicep
    /// expression such as <c>'text'</c> or <c>{ 'a': 'b' }</c>), evaluated offline by <c>bicep snapshot</c> for a
    /// made-up subscription and resource group, in their order. Expressions left for Azure (a Key Vault DNS suffix)
    /// stay as ARM expression text. The parameters file and the snapshot are written into <paramref name="scratch"/>,
    /// the test's own folder, which it deletes when it ends (bicep has exited by then).
    /// </summary>
    public static IReadOnlyList<(string Name, string Value)> AppSettings(TempFolder scratch, IReadOnlyDictionary<string, string> parameters)
    {
        var main = Path.GetRelativePath(scratch.Path, Path.Combine(InfraFolder, "main.bicep")).Replace('\\', '/');
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"using '{main}'\n");
        foreach (var (name, value) in parameters)
        {
            text.Append(CultureInfo.InvariantCulture, $"param {name} = {value}\n");
        }

        var file = scratch.File("main.bicepparam");
        File.WriteAllText(file, text.ToString());
        var run = Run("snapshot", file, "--mode", "overwrite", "--subscription-id", "00000000-0000-0000-0000-000000000001",
            "--tenant-id", "00000000-0000-0000-0000-000000000002", "--resource-group", "rg-snapshot", "--location", "japaneast");
        if (run.Exit != 0)
        {
            throw new InvalidOperationException($"bicep snapshot failed ({run.Exit}): {run.Output}{run.Error}");
        }

        var snapshot = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(file, ".snapshot.json")))!;
        var site = snapshot["predictedResources"]!.AsArray().OfType<JsonObject>().Single(r => (string?)r["type"] == "Microsoft.Web/sites");
        return site["properties"]!["siteConfig"]!["appSettings"]!.AsArray().OfType<JsonObject>()
            .Select(s => ((string)s["name"]!, (string)s["value"]!)).ToList();
    }

    /// <summary>The compiled template of a module, variables and all, as JSON text.</summary>
    public static string Module(string deploymentName) =>
        Resources(Arm).Single(r => (string?)r["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == deploymentName)["properties"]!["template"]!.ToJsonString();
}

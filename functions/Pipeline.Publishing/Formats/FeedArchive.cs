using System.IO.Compression;
using Pipeline.Publishing.Document;
using Pipeline.Spreadsheets.Writing;

namespace Pipeline.Publishing.Formats;

/// <summary>
/// One zip of published files (RULES.md §5): progress-all.zip holds every file of a plan (its Open SDG folder too)
/// at its path in the plan's folder; the deployment's zip holds the index of plans and every plan's files under
/// the plan's id. The same files give the same bytes: entries in the order given, each stamped with one time.
/// </summary>
public static class FeedArchive
{
    /// <summary>A plan's zip, in its folder.</summary>
    public const string Name = FeedPaths.ZipName;

    /// <summary>The deployment's zip, beside index.json.</summary>
    public const string DeploymentPath = FeedPaths.DeploymentZipPath;

    /// <summary>The media type.</summary>
    public const string ContentType = "application/zip";

    /// <summary>The zip of <paramref name="files"/> (path in the zip, content), every entry stamped <paramref
    /// name="time"/>.</summary>
    public static byte[] Write(IEnumerable<(string Path, byte[] Content)> files, DateTimeOffset time) =>
        FeedBuffer.Bytes(output => StampedZip.Write(output,
            files.Select(f => (f.Path, (Action<Stream>)(entry => entry.Write(f.Content)))), time));

    /// <summary>The entries of a zip (path, content), in its order.</summary>
    public static IReadOnlyList<(string Path, byte[] Content)> Read(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.Select(e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return (e.FullName, copy.ToArray());
        }).ToList();
    }
}

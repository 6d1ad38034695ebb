using System.IO.Compression;
using Pipeline.Publishing.Document;

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

    // A zip entry's time is an MS-DOS time: nothing before 1980.
    private static readonly DateTimeOffset Earliest = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The zip of <paramref name="files"/> (path in the zip, content), every entry stamped <paramref
    /// name="time"/>.</summary>
    public static byte[] Write(IEnumerable<(string Path, byte[] Content)> files, DateTimeOffset time) =>
        Write(files.Select(f => (f.Path, (Action<Stream>)(entry => entry.Write(f.Content)))), time);

    /// <summary>The zip of the entries <paramref name="files"/> write (path in the zip, what writes its content),
    /// every entry stamped <paramref name="time"/>.</summary>
    public static byte[] Write(IEnumerable<(string Path, Action<Stream> Write)> files, DateTimeOffset time) =>
        FeedBuffer.Bytes(output =>
        {
            var stamp = time < Earliest ? Earliest : time;
            using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var (path, write) in files)
            {
                var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                entry.LastWriteTime = stamp;
                using var stream = entry.Open();
                write(stream);
            }
        });

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

using System.IO.Compression;

namespace Pipeline.Spreadsheets.Writing;

/// <summary>
/// A zip whose entries come in the order given, each compressed and stamped with one time, so the same entries give
/// the same bytes: the published archives and the Open XML packages the pipeline writes.
/// </summary>
public static class StampedZip
{
    // A zip entry's time is an MS-DOS time: nothing before 1980.
    private static readonly DateTimeOffset Earliest = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Writes the zip of the entries <paramref name="entries"/> write (path in the zip, what writes its content) to
    /// <paramref name="output"/>, left open, every entry stamped <paramref name="time"/> (1980-01-01 at the
    /// earliest).
    /// </summary>
    public static void Write(Stream output, IEnumerable<(string Path, Action<Stream> Write)> entries,
        DateTimeOffset time)
    {
        var stamp = time < Earliest ? Earliest : time;
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (path, write) in entries)
        {
            var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
            entry.LastWriteTime = stamp;
            using var stream = entry.Open();
            write(stream);
        }
    }
}

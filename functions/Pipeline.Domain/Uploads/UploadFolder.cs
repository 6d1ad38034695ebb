using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Pipeline.Domain.Uploads;

/// <summary>
/// The folder of one upload stored by the portal or <c>pipeline ingest</c> (RULES.md §2):
/// <c>{received, UTC, to 100 ns}-{6 random hex digits}</c>, so that every upload is a blob name of its own, never
/// an overwrite, whatever the person's file is called. <see cref="Stamp"/> is when the server received the file.
/// </summary>
public readonly record struct UploadFolder
{
    private const string StampFormat = "yyyyMMdd'T'HHmmssfffffff'Z'";

    private static readonly System.Buffers.SearchValues<char> LowerHex =
        System.Buffers.SearchValues.Create("0123456789abcdef");

    private UploadFolder(string name, DateTimeOffset stamp)
    {
        Name = name;
        Stamp = stamp;
    }

    /// <summary>The folder's name (one path segment).</summary>
    public string Name { get; }

    /// <summary>When the portal or the command line received the upload (its own clock, UTC).</summary>
    public DateTimeOffset Stamp { get; }

    /// <summary>A new folder for an upload received at <paramref name="receivedAt"/>.</summary>
    public static UploadFolder New(DateTimeOffset receivedAt)
    {
        var stamp = receivedAt.ToUniversalTime();
        var suffix = System.Security.Cryptography.RandomNumberGenerator.GetHexString(6, lowercase: true);
        var name = $"{stamp.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture)}-{suffix}";
        return new UploadFolder(name, stamp);
    }

    /// <summary>Reads a path segment written by <see cref="New"/>; false for any other segment.</summary>
    public static bool TryParse(string segment, [NotNullWhen(true)] out UploadFolder? folder)
    {
        folder = null;
        if (segment.Length != 30 || segment[23] != '-' || segment.AsSpan(24).ContainsAnyExcept(LowerHex)
            || !DateTime.TryParseExact(segment[..23], StampFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var stamp))
        {
            return false;
        }

        folder = new UploadFolder(segment, new DateTimeOffset(stamp, TimeSpan.Zero));
        return true;
    }
}

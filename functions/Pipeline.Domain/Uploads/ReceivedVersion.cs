using System.Globalization;

namespace Pipeline.Domain.Uploads;

/// <summary>
/// What storage says of the version of an uploaded blob that was stored or read: its ETag, its last-modified time
/// (one-second resolution) and, where blob versioning is on (Azure, infra/), its version id (a UTC time to 100 ns).
/// These are the server's, assigned when the version was received; a blob's creation time is not among them
/// (an overwrite keeps it).
/// </summary>
/// <param name="ETag">The version's ETag as storage writes it (quotes included).</param>
/// <param name="LastModified">When storage received the version, to the second.</param>
/// <param name="VersionId">The version id where blob versioning is on; null without (Azurite, versioning off).</param>
public sealed record ReceivedVersion(string ETag, DateTimeOffset LastModified, string? VersionId = null)
{
    /// <summary>What identifies the version among the name's versions: the version id, else the ETag.</summary>
    public string Tag => VersionId ?? ETag;

    /// <summary>
    /// When the upload was received (RULES.md §2), the first part of its order: the version id's time where there is
    /// one; else the last-modified second, refined by the receipt time of the portal or the command line (the
    /// upload's folder, <see cref="UploadFolder.Stamp"/>) where that falls in the same second, so that uploads made
    /// through them within one second keep the order they were received in. An overwrite by another tool has no
    /// folder of its own, or one whose stamp is of an earlier second: its last-modified time stands.
    /// </summary>
    public DateTimeOffset ReceivedAt(UploadPath path)
    {
        if (VersionId is not null && DateTimeOffset.TryParse(VersionId, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var versioned))
        {
            return versioned;
        }

        var second = LastModified.ToUniversalTime();
        second = new DateTimeOffset(second.Ticks - second.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        return path.Folder is { } folder && folder.Stamp >= second && folder.Stamp - second < TimeSpan.FromSeconds(1)
            ? folder.Stamp
            : second;
    }
}

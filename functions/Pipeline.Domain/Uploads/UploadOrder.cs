namespace Pipeline.Domain.Uploads;

/// <summary>
/// Where an upload stands in the order uploads were received (RULES.md §2): by its received time, then by its id
/// (whose text begins with that time to 100 ns, so the id only decides between uploads received at the same instant).
/// </summary>
/// <param name="ReceivedAt">
/// When the upload was received (<see cref="ReceivedVersion.ReceivedAt"/>; before issue 22, the blob's creation time).
/// </param>
/// <param name="Id">The upload's id.</param>
public readonly record struct UploadOrder(DateTimeOffset ReceivedAt, UploadId Id) : IComparable<UploadOrder>
{
    /// <inheritdoc />
    public int CompareTo(UploadOrder other)
    {
        var byTime = ReceivedAt.CompareTo(other.ReceivedAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(Id.Value, other.Id.Value);
    }

    /// <summary>Whether <paramref name="left"/> was received before <paramref name="right"/>.</summary>
    public static bool operator <(UploadOrder left, UploadOrder right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> was received after <paramref name="right"/>.</summary>
    public static bool operator >(UploadOrder left, UploadOrder right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> was received before <paramref name="right"/> or is it.</summary>
    public static bool operator <=(UploadOrder left, UploadOrder right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> was received after <paramref name="right"/> or is it.</summary>
    public static bool operator >=(UploadOrder left, UploadOrder right) => left.CompareTo(right) >= 0;
}

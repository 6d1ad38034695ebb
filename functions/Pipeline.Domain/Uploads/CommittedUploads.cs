namespace Pipeline.Domain.Uploads;

/// <summary>
/// The uploads of a plan whose rows are part of its history (<see cref="UploadRecord.Committed"/>): accepted ones,
/// and duplicates, whose rows count only where they differ from what stands before them (<see cref="Supersession"/>).
/// Rows of any other upload (rejected, failed, not yet committed) are never seen.
/// </summary>
public sealed class CommittedUploads
{
    private readonly Dictionary<UploadId, UploadRecord> _records = [];

    /// <summary>The committed ones among <paramref name="records"/>.</summary>
    public CommittedUploads(IEnumerable<UploadRecord> records)
    {
        foreach (var record in records.Where(r => r.Committed))
        {
            _records[record.UploadId] = record;
        }
    }

    /// <summary>Every committed upload.</summary>
    public IReadOnlyCollection<UploadRecord> Records => _records.Values;

    /// <summary>How many of them were accepted (the others are duplicates).</summary>
    public int AcceptedCount => _records.Values.Count(r => r.Status == UploadStatus.Accepted);

    /// <summary>The record of a committed upload.</summary>
    public UploadRecord this[UploadId id] => _records[id];

    /// <summary>Whether rows of upload <paramref name="id"/> are part of the history.</summary>
    public bool Contains(UploadId id) => _records.ContainsKey(id);

    /// <summary>Whether upload <paramref name="id"/> is a committed duplicate.</summary>
    public bool IsDuplicate(UploadId id) =>
        _records.TryGetValue(id, out var record) && record.Status == UploadStatus.Duplicate;

    /// <summary>The committed uploads of one department.</summary>
    public CommittedUploads Of(string departmentId) =>
        new(_records.Values.Where(r => r.Department.Name == departmentId));
}

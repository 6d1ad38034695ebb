using Pipeline.Domain.Uploads;

namespace Pipeline.Testing;

/// <summary>Ledger records of committed uploads for tests that build a feed without storage.</summary>
public static class AcceptedUploads
{
    /// <summary>An accepted upload <paramref name="id"/> of the built-in plan, received at the time given.</summary>
    public static UploadRecord Record(string id, string department, DateTimeOffset receivedAt) =>
        new(Domain.Catalogue.PlanId.Parse("kumamoto-welfare-4"), UploadDepartment.Named(department), UploadId.Parse(id), $"{department}/file-{id}.xlsx", null, receivedAt,
            receivedAt, UploadStatus.Accepted, 1, 0, 0, 0, Version: "\"0x1\"");

    /// <summary>A duplicate <paramref name="id"/> of <paramref name="of"/>, committed with its rows.</summary>
    public static UploadRecord Duplicate(string id, string of, string department, DateTimeOffset receivedAt) =>
        Record(id, department, receivedAt) with { Status = UploadStatus.Duplicate, DuplicateOf = UploadId.Parse(of) };

    /// <summary>The accepted uploads <paramref name="ids"/> (of department shakyo) as the roll-up sees them.</summary>
    public static CommittedUploads Of(params string[] ids) =>
        new(ids.Select(id => Record(id, "shakyo", DateTimeOffset.UnixEpoch)));
}

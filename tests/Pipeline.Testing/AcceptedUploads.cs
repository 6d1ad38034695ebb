using Pipeline.Domain.Uploads;

namespace Pipeline.Testing;

/// <summary>Ledger records of accepted uploads for tests that build a feed without storage.</summary>
public static class AcceptedUploads
{
    /// <summary>An accepted upload <paramref name="id"/> of the built-in plan, received at <paramref name="createdOn"/>.</summary>
    public static UploadRecord Record(string id, string department, DateTimeOffset createdOn) =>
        new("kumamoto-welfare-4", department, id, $"{department}/file-{id}.xlsx", id, createdOn, createdOn, UploadStatus.Accepted, 1, 0, 0, 0);
}

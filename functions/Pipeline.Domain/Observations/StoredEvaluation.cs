using Pipeline.Domain.Catalogue;

namespace Pipeline.Domain.Observations;

/// <summary>An evaluation as stored, with the upload it came from.</summary>
public sealed record StoredEvaluation(
    string InitiativeId, FiscalYear FiscalYear, Rating Rating, string? Comment, string UploadId, DateTimeOffset BlobCreatedOn);

using Pipeline.Core.Catalogue;
using Pipeline.Core.Submissions;

namespace Pipeline.Core.Ports;

/// <summary>An evaluation as stored, with the upload it came from.</summary>
public sealed record StoredEvaluation(
    string InitiativeId, FiscalYear FiscalYear, Rating Rating, string? Comment, string UploadId, DateTimeOffset BlobCreatedOn);

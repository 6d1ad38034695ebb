using Pipeline.Domain.Catalogue;

namespace Pipeline.Domain.Observations;

/// <summary>An observation as stored, with the upload it came from, and its flag and note where it has them.</summary>
public sealed record StoredObservation(
    string IndicatorId, FiscalYear FiscalYear, string AreaCode, int? Month, decimal Value,
    decimal? Numerator, decimal? Denominator, string UploadId, DateTimeOffset BlobCreatedOn,
    ValueFlag? Flag = null, string? Note = null);

using Pipeline.Domain.Catalogue;

namespace Pipeline.Domain.Observations;

/// <summary>An observation as stored, with the upload it came from.</summary>
public sealed record StoredObservation(
    string IndicatorId, FiscalYear FiscalYear, string AreaCode, int? Month, decimal Value,
    decimal? Numerator, decimal? Denominator, string UploadId, DateTimeOffset BlobCreatedOn);

using Pipeline.Core.Catalogue;

namespace Pipeline.Core.Ports;

/// <summary>An observation as stored, with the upload it came from.</summary>
public sealed record StoredObservation(
    string IndicatorId, FiscalYear FiscalYear, string AreaCode, int? Month, decimal Value,
    decimal? Numerator, decimal? Denominator, string UploadId, DateTimeOffset BlobCreatedOn);

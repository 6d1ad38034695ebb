using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Uploads;

namespace Pipeline.Domain.Observations;

/// <summary>
/// An observation as stored, with the upload it came from and when that upload was received, and its flag and note
/// where it has them.
/// </summary>
public sealed record StoredObservation(
    string IndicatorId, FiscalYear FiscalYear, string AreaCode, int? Month, decimal Value,
    decimal? Numerator, decimal? Denominator, UploadId UploadId, DateTimeOffset ReceivedAt,
    ValueFlag? Flag = null, string? Note = null)
{
    /// <summary>Where its upload stands in the order uploads were received.</summary>
    public UploadOrder Order => new(ReceivedAt, UploadId);

    /// <summary>Whether <paramref name="other"/> gives the same value, numerator, denominator, flag and note.</summary>
    public bool SameAs(StoredObservation other) =>
        Value == other.Value && Numerator == other.Numerator && Denominator == other.Denominator
        && Flag == other.Flag && Note == other.Note;
}

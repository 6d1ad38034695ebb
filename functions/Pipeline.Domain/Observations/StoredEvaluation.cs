using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Uploads;

namespace Pipeline.Domain.Observations;

/// <summary>An evaluation as stored, with the upload it came from and when that upload was received.</summary>
public sealed record StoredEvaluation(
    string InitiativeId, FiscalYear FiscalYear, Rating Rating, string? Comment, UploadId UploadId,
    DateTimeOffset ReceivedAt)
{
    /// <summary>Where its upload stands in the order uploads were received.</summary>
    public UploadOrder Order => new(ReceivedAt, UploadId);

    /// <summary>Whether <paramref name="other"/> gives the same rating and comment.</summary>
    public bool SameAs(StoredEvaluation other) => Rating == other.Rating && Comment == other.Comment;
}

using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Uploads;

namespace Pipeline.Domain.Commentary;

/// <summary>
/// Commentary as stored, under the upload that brought it (a file's columns, or an entry in the portal recorded as an
/// upload of its own), with that upload's department and received time: the ledger decides whether it is published.
/// </summary>
public sealed record StoredCommentary(
    IndicatorCommentary Commentary, UploadId UploadId, string DepartmentId, DateTimeOffset ReceivedAt)
{
    /// <summary>Where its upload stands in the order uploads were received.</summary>
    public UploadOrder Order => new(ReceivedAt, UploadId);

    /// <summary>The indicator it is about.</summary>
    public string IndicatorId => Commentary.IndicatorId;

    /// <summary>The fiscal year it is about.</summary>
    public FiscalYear FiscalYear => Commentary.FiscalYear;
}

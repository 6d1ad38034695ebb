using Pipeline.Domain.Catalogue;

namespace Pipeline.Domain.Commentary;

/// <summary>
/// Commentary as stored, under the upload that brought it (a file's columns, or an entry in the portal recorded as an
/// upload of its own), with that upload's department and received time: the ledger decides whether it is published.
/// </summary>
public sealed record StoredCommentary(
    IndicatorCommentary Commentary, string UploadId, string DepartmentId, DateTimeOffset BlobCreatedOn)
{
    /// <summary>The indicator it is about.</summary>
    public string IndicatorId => Commentary.IndicatorId;

    /// <summary>The fiscal year it is about.</summary>
    public FiscalYear FiscalYear => Commentary.FiscalYear;
}

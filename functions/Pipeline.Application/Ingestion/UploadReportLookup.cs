using Pipeline.Application.Ports;
using Pipeline.Application.Reports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Uploads;

namespace Pipeline.Application.Ingestion;

/// <summary>
/// The report of one upload of a department (the portal's history, and its poll after an upload): the report
/// written for it by id. For an upload recorded before issue 22, whose report was written by blob name, that
/// report where it is still this upload's, else a report made from the ledger's record (a later upload of the
/// same name wrote over it). Stored data of earlier versions is read as it is; nothing is migrated.
/// </summary>
public sealed class UploadReportLookup(IUploadReports reports, IUploadLedger ledger)
{
    /// <summary>The report, or null where there is none yet (ingestion has not written it).</summary>
    public async Task<UploadReport?> FindAsync(
        PlanId planId, DepartmentId departmentId, UploadId uploadId, CancellationToken cancellationToken)
    {
        var name = ReportNames.Of(planId.Value, departmentId.Value, uploadId);
        if (await reports.ReadAsync(name, cancellationToken) is { } report)
        {
            return report;
        }

        if (await ledger.FindAsync(planId, departmentId, uploadId, cancellationToken) is not { Version: null } earlier)
        {
            return null;
        }

        var byName = await reports.ReadAsync(ReportNames.ByBlobName(earlier.BlobName), cancellationToken);
        return byName is not null && byName.UploadId == uploadId
            ? byName
            : new UploadReport(UploadReport.CurrentSchema, earlier.PlanId?.Value ?? "", earlier.Department.ToString(),
                earlier.BlobName,
                earlier.DisplayName, earlier.UploadId, earlier.Sha256, earlier.ReceivedAt, earlier.ProcessedOn,
                earlier.Status,
                new ReportCounts(0, 0, earlier.Observations, earlier.Evaluations, earlier.Errors, earlier.Warnings),
                earlier.DuplicateOf, [])
            {
                Notice = ReportNotices.FromLedger,
            };
    }
}

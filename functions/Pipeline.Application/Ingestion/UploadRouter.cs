using System.Collections.Concurrent;
using Pipeline.Application.Ports;
using Pipeline.Application.Reports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Problems;
using Pipeline.Domain.Uploads;
using Pipeline.Spreadsheets.Problems;

namespace Pipeline.Application.Ingestion;

/// <summary>
/// Sends each upload to the ingestion of its plan (RULES.md §2, §7): <c>{planId}/{departmentId}/{name}</c>,
/// or the default plan for <c>{departmentId}/{name}</c>. An upload for a plan whose file is invalid, or
/// for no plan at all, gets a report saying so and changes nothing; the other plans are unaffected.
/// </summary>
public sealed class UploadRouter(PlanSet plans, Func<Plan, IngestionService> create, IReportWriter reports, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, IngestionService> _services = new(StringComparer.Ordinal);

    /// <summary>The plan set uploads are routed in.</summary>
    public PlanSet Plans => plans;

    /// <summary>The ingestion of one plan.</summary>
    public IngestionService For(Plan plan) => _services.GetOrAdd(plan.Id, _ => create(plan));

    /// <summary>Ingests an upload in its plan, or reports that its plan is not served.</summary>
    public Task<IngestionResult> IngestAsync(UploadedFile file, CancellationToken cancellationToken)
    {
        var planId = UploadPath.PlanOf(file.BlobName, plans);
        return plans.Find(planId) is { } plan
            ? For(plan).IngestAsync(file, cancellationToken)
            : NotServedAsync(file.BlobName, file.CreatedOn, planId, cancellationToken);
    }

    /// <summary>
    /// Records an upload that failed every delivery, in its plan; null where the upload (found by name, creation
    /// time and content) was accepted or found a duplicate already and stands.
    /// </summary>
    public async Task<IngestionResult?> RecordFailureAsync(string blobName, DateTimeOffset createdOn, string sha256, string reason, CancellationToken cancellationToken)
    {
        var planId = UploadPath.PlanOf(blobName, plans);
        return plans.Find(planId) is { } plan
            ? await For(plan).RecordFailureAsync(blobName, createdOn, sha256, reason, cancellationToken)
            : await NotServedAsync(blobName, createdOn, planId, cancellationToken);
    }

    private async Task<IngestionResult> NotServedAsync(string blobName, DateTimeOffset createdOn, string planId, CancellationToken cancellationToken)
    {
        var problem = new Problem(Severity.Error, ProblemCode.PlanNotServed, null, null, null,
            $"計画「{ProblemCatalog.Quote(planId)}」の定義ファイルに誤りがあるため、この計画は受け付けていません。運用担当に連絡してください。",
            $"Plan '{ProblemCatalog.Quote(planId)}' is not served: its plan-definition file has problems (see `pipeline plans`). Ask the operator.");
        var pathOk = UploadPath.TryParse(blobName, planId, out var departmentId, out _);
        var record = new UploadRecord(planId, pathOk ? departmentId : "(none)", UploadPath.UploadIdOf(blobName, createdOn, ""), blobName, "",
            createdOn, clock.GetUtcNow(), UploadStatus.Rejected, 0, 0, 1, 0, Reason: problem.Code);
        var report = new UploadReport("1.0", planId, record.DepartmentId, blobName, record.UploadId, "", createdOn, record.ProcessedOn,
            UploadStatus.Rejected, new ReportCounts(0, 0, 0, 0, 1, 0), null, [ReportProblem.From(problem)]);
        // Nothing is stored for a plan that is not served; the report is the department's answer.
        await reports.WriteAsync(pathOk && PathSafeId.IsValid(planId) ? blobName : UploadPath.InvalidReportName(blobName), report, cancellationToken);
        return new IngestionResult(record, report);
    }
}

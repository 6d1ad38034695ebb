using System.Collections.Concurrent;
using Pipeline.Application.Ports;
using Pipeline.Application.Reports;
using Pipeline.Domain.Json;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Problems;
using Pipeline.Domain.Uploads;
using Pipeline.Spreadsheets.Problems;

namespace Pipeline.Application.Ingestion;

/// <summary>
/// Sends each upload to the ingestion of its plan (RULES.md §2, §7): the plan its path names (<see cref="UploadPath"/>,
/// read where the blob name came in). An upload for a plan whose file is invalid, or for no plan at all, gets a
/// report saying so and changes nothing; the other plans are unaffected.
/// </summary>
public sealed class UploadRouter(
    PlanSet plans, Func<Plan, IngestionService> create, IUploadReports reports, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, IngestionService> _services = new(StringComparer.Ordinal);

    /// <summary>The plan set uploads are routed in.</summary>
    public PlanSet Plans => plans;

    /// <summary>The ingestion of one plan.</summary>
    public IngestionService For(Plan plan) => _services.GetOrAdd(plan.Id.Value, _ => create(plan));

    /// <summary>Reads a blob name of container <c>uploads</c> in this plan set.</summary>
    public UploadPath PathOf(string blobName) => UploadPath.Parse(blobName, plans);

    /// <summary>Ingests an upload in its plan, or reports that its plan is not served.</summary>
    public async Task<IngestionResult> IngestAsync(UploadedFile file, CancellationToken cancellationToken) =>
        plans.Find(file.Path.PlanId) is { } plan
            ? await For(plan).IngestAsync(file, cancellationToken)
            : await NotServedAsync(file.Path, file.Version, await Sha256.OfAsync(file.Content, cancellationToken),
                cancellationToken);

    /// <summary>
    /// Records an upload that failed every delivery, in its plan; null where the upload (found by path, version and
    /// content) was committed already and stands.
    /// </summary>
    public async Task<IngestionResult?> RecordFailureAsync(
        UploadPath path, ReceivedVersion version, Sha256? sha256, string reason, CancellationToken cancellationToken) =>
        plans.Find(path.PlanId) is { } plan
            ? await For(plan).RecordFailureAsync(path, version, sha256, reason, cancellationToken)
            : await NotServedAsync(path, version, sha256, cancellationToken);

    private async Task<IngestionResult> NotServedAsync(
        UploadPath path, ReceivedVersion version, Sha256? sha256, CancellationToken cancellationToken)
    {
        var planId = path.PlanText;
        var problem = new Problem(Severity.Error, ProblemCode.PlanNotServed, null, null, null,
            $"計画「{ProblemCatalog.Quote(planId)}」の定義ファイルに誤りがあるため、この計画は受け付けていません。運用担当に連絡してください。",
            $"Plan '{ProblemCatalog.Quote(planId)}' is not served: its plan-definition file has problems (see " +
                $"`pipeline plans`). Ask the operator.");
        var uploadId = UploadId.Of(path, version, sha256);
        var record = new UploadRecord(path.PlanId, path.Department, uploadId, path.BlobName, sha256,
            version.ReceivedAt(path), clock.GetUtcNow(), UploadStatus.Rejected, 0, 0, 1, 0,
                Reason: PipelineJson.Name(problem.Code),
            Version: version.Tag, FileName: path.FileName);
        var report = new UploadReport(UploadReport.CurrentSchema, planId, record.Department.ToString(), path.BlobName,
            path.FileName, uploadId, sha256, record.ReceivedAt, record.ProcessedOn, UploadStatus.Rejected,
            new ReportCounts(0, 0, 0, 0, 1, 0), null, [ReportProblem.From(problem)]);
        // Nothing is stored for a plan that is not served; the report is the department's answer.
        await reports.WriteAsync(path.Department.Name is { } department && PathSafeId.IsValid(planId)
            ? ReportNames.Of(planId, department, uploadId)
            : ReportNames.Invalid(uploadId), report, cancellationToken);
        return new IngestionResult(record, report);
    }
}

using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Pipeline.Application.Ports;
using Pipeline.Application.Reports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Problems;
using Pipeline.Domain.Review;
using Pipeline.Domain.Uploads;
using Pipeline.Spreadsheets;
using Pipeline.Spreadsheets.Problems;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Application.Ingestion;

/// <summary>
/// Ingests one upload, all or nothing: reads and checks it, stages its rows under the upload's id,
/// then commits the upload in the ledger (the rows become visible only then), and writes its report.
/// The blob trigger and <c>pipeline ingest</c> both run exactly this.
/// </summary>
public sealed partial class IngestionService(
    Plan plan,
    ReadLimits limits,
    IUploadLedger ledger,
    IObservationStore observations,
    ICommentaryStore commentary,
    IReviewLedger reviews,
    IFiscalYearConfirmations confirmations,
    IReportWriter reports,
    TimeProvider clock,
    ILogger<IngestionService> logger)
{
    private readonly SubmissionReader _reader = new(plan, limits);

    /// <summary>Processes an upload and returns its record and report. Safe to call again for the same blob.</summary>
    public async Task<IngestionResult> IngestAsync(UploadedFile file, CancellationToken cancellationToken)
    {
        await using var content = await SeekableContent.CopyAsync(file.Content, limits.MaxFileBytes, cancellationToken);
        var uploadId = UploadPath.UploadIdOf(file.BlobName, file.CreatedOn, content.Sha256);
        var pathOk = UploadPath.TryParse(file.BlobName, plan.Id, out var departmentId, out var name);
        var department = pathOk ? plan.FindDepartment(departmentId) : null;
        var record = new UploadRecord(plan.Id, pathOk ? departmentId : "(none)", uploadId, file.BlobName, content.Sha256,
            file.CreatedOn, clock.GetUtcNow(), UploadStatus.Rejected, 0, 0, 0, 0, UploadedBy: file.UploadedBy);

        if (department is null)
        {
            // No department to file it under: a report only. A path with traversal or control characters
            // gets its report under _invalid/, never where its name points.
            var problem = ProblemCatalog.DepartmentUnknown(pathOk ? departmentId : file.BlobName);
            record = record with { Errors = 1, Reason = problem.Code };
            return await FinishAsync(record, Report(record, null, [problem]), recordInLedger: pathOk, cancellationToken,
                reportName: pathOk ? null : UploadPath.InvalidReportName(file.BlobName));
        }

        var earlier = await ledger.FindAsync(plan.Id, department.Id, uploadId, cancellationToken);
        if (earlier is { Status: UploadStatus.Accepted or UploadStatus.Duplicate or UploadStatus.PendingReview
                or UploadStatus.Returned })
        {
            // Redelivery of a blob already processed: nothing is stored again. The report is written
            // again (the first write may be what failed), the same as the first time.
            LogRedelivered(file.BlobName, earlier.Status);
            var again = earlier.Status != UploadStatus.Duplicate
                ? _reader.Check(content.Stream, name, department)
                : null;
            var review = await reviews.ReviewOfAsync(earlier, cancellationToken);
            var report = Report(earlier, again, again?.Problems ?? []) with
            {
                Review = review is null ? null : ReportReview.From(review),
            };
            return await FinishAsync(earlier, report, recordInLedger: false, cancellationToken);
        }

        var accepted = await ledger.FindAcceptedContentAsync(plan.Id, department.Id, content.Sha256, cancellationToken);
        if (accepted is not null && accepted.UploadId != uploadId)
        {
            return await FinishAsync(Duplicate(record, accepted.UploadId), Report(Duplicate(record, accepted.UploadId), null, []),
                recordInLedger: true, cancellationToken);
        }

        var submission = await NotTheFileAsync(record, () => ReadAndStageAsync(content.Stream, name, department, record, cancellationToken), cancellationToken);
        record = record with
        {
            Observations = submission.ObservationCount,
            Evaluations = submission.Evaluations.Count,
            Errors = submission.ErrorCount,
            Warnings = submission.WarningCount,
        };
        if (!submission.IsAcceptable)
        {
            return await FinishAsync(record with { Reason = submission.Problems.First(p => p.Severity == Severity.Error).Code },
                Report(record, submission, submission.Problems), recordInLedger: true, cancellationToken);
        }

        await NotTheFileAsync(record, async () =>
        {
            await observations.StageAsync(plan, record, [], submission.Evaluations, cancellationToken);
            await commentary.StageAsync(plan, record, submission.Commentary, cancellationToken);
            return submission;
        }, cancellationToken);
        if (await NeedsReviewAsync(submission, cancellationToken))
        {
            // RULES.md §14: stored, not published (公開前) until the plan's secretariat approves it.
            var held = await reviews.HoldAsync(record, cancellationToken);
            return await FinishAsync(held, Report(held, submission, submission.Problems), recordInLedger: false,
                cancellationToken);
        }

        var committed = record with { Status = UploadStatus.Accepted };
        if (!await ledger.CommitAsync(committed, cancellationToken))
        {
            // Another upload with the same content committed first (parallel delivery): ours stays invisible
            // (its staged rows are swept later) and is recorded and reported exactly as a duplicate found
            // before reading is, so that the outcome does not depend on which delivery looked first.
            var winner = await ledger.FindAcceptedContentAsync(plan.Id, department.Id, content.Sha256, cancellationToken);
            var duplicate = Duplicate(record, winner?.UploadId);
            return await FinishAsync(duplicate, Report(duplicate, null, []), recordInLedger: true, cancellationToken);
        }

        return await FinishAsync(committed, Report(committed, submission, submission.Problems), recordInLedger: false, cancellationToken);
    }

    /// <summary>The plan this service ingests for.</summary>
    public Plan Plan => plan;

    /// <summary>Validates a file without storing anything (<c>pipeline validate</c>).</summary>
    public async Task<UploadReport> ValidateAsync(string departmentId, string fileName, Stream stream, CancellationToken cancellationToken)
    {
        await using var content = await SeekableContent.CopyAsync(stream, limits.MaxFileBytes, cancellationToken);
        var department = plan.FindDepartment(departmentId);
        var submission = _reader.Check(content.Stream, fileName, department);
        var record = new UploadRecord(plan.Id, departmentId, "(not stored)", $"{departmentId}/{fileName}", content.Sha256,
            clock.GetUtcNow(), clock.GetUtcNow(), submission.IsAcceptable ? UploadStatus.Accepted : UploadStatus.Rejected,
            submission.ObservationCount, submission.Evaluations.Count, submission.ErrorCount, submission.WarningCount);
        return Report(record, submission, submission.Problems);
    }

    /// <summary>
    /// Records a blob that failed every delivery (poison) so that its report says so. The upload is found
    /// by its blob name, creation time and content (<paramref name="sha256"/>, empty when the blob is
    /// gone), as <see cref="IngestAsync"/> derives its id: an upload already accepted or found a
    /// duplicate (the commit landed, a later step failed) is never downgraded, and its report stays.
    /// </summary>
    /// <returns>The failed record and its report, or the earlier record (its report untouched) when it stands.</returns>
    public async Task<IngestionResult?> RecordFailureAsync(string blobName, DateTimeOffset createdOn, string sha256, string reason, CancellationToken cancellationToken)
    {
        var pathOk = UploadPath.TryParse(blobName, plan.Id, out var d, out _);
        var departmentId = pathOk ? d : "";
        var uploadId = UploadPath.UploadIdOf(blobName, createdOn, sha256);
        if (departmentId.Length > 0
            && await ledger.FindAsync(plan.Id, departmentId, uploadId, cancellationToken) is { Status: UploadStatus.Accepted or UploadStatus.Duplicate } earlier)
        {
            LogPoisonAfterCommit(blobName, earlier.Status);
            return null;
        }

        var record = new UploadRecord(plan.Id, departmentId.Length > 0 ? departmentId : "(none)", uploadId,
            blobName, sha256, createdOn, clock.GetUtcNow(), UploadStatus.Failed, 0, 0, 1, 0, Reason: reason);
        var problem = new Problem(Severity.Error, ProblemCode.ProcessingFailed, null, null, null,
            $"処理に繰り返し失敗しました（{ProblemCatalog.Quote(reason)}）。運用担当が再処理（replay）できます。",
            $"Processing failed repeatedly ({ProblemCatalog.Quote(reason)}); an operator can replay the upload.");
        return await FinishAsync(record, Report(record, null, [problem]), recordInLedger: departmentId.Length > 0, cancellationToken,
            reportName: pathOk ? null : UploadPath.InvalidReportName(blobName));
    }

    /// <summary>
    /// Reads the file on one thread while another stages its valid rows in batches (invisible until the
    /// commit): memory stays flat however large the file, and reading and writing overlap. If the file
    /// turns out to have an error, what was staged is never committed, so never seen.
    /// </summary>
    private async Task<SubmissionSummary> ReadAndStageAsync(Stream content, string name, Department department, UploadRecord upload, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var batches = Channel.CreateBounded<Observation[]>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var staging = Task.Run(async () =>
        {
            try
            {
                await foreach (var batch in batches.Reader.ReadAllAsync(stop.Token))
                {
                    await observations.StageAsync(plan, upload, batch, [], stop.Token);
                }
            }
            catch
            {
                stop.Cancel(); // the reader stops waiting for room
                throw;
            }
        }, CancellationToken.None);
        // The file is read on a pool thread (reading is synchronous, over a seekable copy); a full
        // channel makes it wait, asynchronously, for the staging side.
        var reading = Task.Run(async () =>
        {
            var buffer = new List<Observation>(StageBatchSize);
            try
            {
                var opened = _reader.Open(content, name, department);
                foreach (var observation in opened.Observations)
                {
                    buffer.Add(observation);
                    if (buffer.Count == StageBatchSize)
                    {
                        await batches.Writer.WriteAsync([.. buffer], stop.Token);
                        buffer.Clear();
                    }
                }

                var submission = opened.Summary;
                if (buffer.Count > 0 && submission.IsAcceptable)
                {
                    await batches.Writer.WriteAsync([.. buffer], stop.Token);
                }

                return submission;
            }
            finally
            {
                batches.Writer.TryComplete();
            }
        }, CancellationToken.None);

        try
        {
            await Task.WhenAll(reading, staging);
        }
        catch (OperationCanceledException) when (staging.IsFaulted)
        {
            // The reader was stopped because staging failed: the storage error is the one to report.
            await staging;
        }

        return await reading;
    }

    /// <summary>
    /// Whether an acceptable upload waits for the secretariat (RULES.md §14): the plan is reviewed, or the upload
    /// touches a fiscal year the secretariat has confirmed.
    /// </summary>
    private async Task<bool> NeedsReviewAsync(SubmissionSummary submission, CancellationToken cancellationToken)
    {
        if (plan.Publication.Review)
        {
            return true;
        }

        var confirmed = new ConfirmedYears(await confirmations.AllAsync(plan.Id, cancellationToken));
        return submission.FiscalYears.Any(confirmed.IsConfirmed);
    }

    /// <summary>Observations per staged batch.</summary>
    private const int StageBatchSize = 1000;

    /// <summary>A duplicate of an accepted upload: nothing of it is counted (its content is the other upload's).</summary>
    private static UploadRecord Duplicate(UploadRecord record, string? of) =>
        record with { Status = UploadStatus.Duplicate, DuplicateOf = of, Observations = 0, Evaluations = 0, Errors = 0, Warnings = 0 };

    private async Task<IngestionResult> FinishAsync(UploadRecord record, UploadReport report, bool recordInLedger, CancellationToken cancellationToken, string? reportName = null)
    {
        if (recordInLedger)
        {
            await ledger.RecordAsync(record, cancellationToken);
        }

        await reports.WriteAsync(reportName ?? record.BlobName, report, cancellationToken);
        LogIngested(record.BlobName, record.DepartmentId, record.Status, record.Observations, record.Evaluations, record.Errors, record.Warnings, record.UploadId);
        return new IngestionResult(record, report);
    }

    private UploadReport Report(UploadRecord record, SubmissionSummary? submission, IReadOnlyList<Problem> problems) => new UploadReport(
        "1.0", plan.Id, record.DepartmentId, record.BlobName, record.UploadId, record.Sha256, record.BlobCreatedOn, record.ProcessedOn,
        record.Status,
        new ReportCounts(submission?.RowsRead ?? 0, submission?.RowsSkipped ?? 0, record.Observations, record.Evaluations,
            problems.Count(p => p.Severity == Severity.Error), problems.Count(p => p.Severity == Severity.Warning)),
        record.DuplicateOf,
        problems.Select(ReportProblem.From).ToArray()).WithRead(record.Status == UploadStatus.Duplicate ? null : submission);
}

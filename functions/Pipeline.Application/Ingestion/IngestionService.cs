using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Pipeline.Application.Ports;
using Pipeline.Application.Reports;
using Pipeline.Domain.Json;
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
    IUploadReports reports,
    TimeProvider clock,
    ILogger<IngestionService> logger)
{
    private readonly SubmissionValidator _validator = new(plan, limits, clock);

    private SubmissionReader Reader => _validator.Reader;

    /// <summary>
    /// Processes an upload and returns its record and report. Safe to call again for the same blob version.
    /// </summary>
    public async Task<IngestionResult> IngestAsync(UploadedFile file, CancellationToken cancellationToken)
    {
        await using var content = await SeekableContent.OfAsync(file.Content, limits.MaxFileBytes, cancellationToken);
        var path = file.Path;
        var uploadId = UploadId.Of(path, file.Version, content.Sha256);
        var department = path.Department.Id is { } departmentId ? plan.FindDepartment(departmentId) : null;
        var record = new UploadRecord(plan.Id, path.Department, uploadId, path.BlobName, content.Sha256,
            file.Version.ReceivedAt(path), clock.GetUtcNow(), UploadStatus.Rejected, 0, 0, 0, 0,
            UploadedBy: file.UploadedBy, Version: file.Version.Tag, FileName: file.FileName ?? path.FileName);

        if (department is null)
        {
            // No department to file it under: a report only. A path with traversal or control characters
            // gets its report under _invalid/, never where its name points.
            var problem = ProblemCatalog.DepartmentUnknown(path.Department.Name ?? path.BlobName);
            record = record with { Errors = 1, Reason = PipelineJson.Name(problem.Code) };
            return await FinishAsync(record, Report(record, null, [problem]), recordInLedger: path.IsValid,
                cancellationToken);
        }

        var earlier = await ledger.FindAsync(plan.Id, department.Id, uploadId, cancellationToken);
        if (earlier is { Committed: true } or { Held: true })
        {
            // Redelivery of a version already committed or held for review: nothing is stored again. The report is
            // written again (the first write may be what failed), the same as the first time.
            LogRedelivered(path.BlobName, earlier.Status);
            var again = Reader.ReadSummary(content.Stream, path.FileName, department);
            var review = await reviews.ReviewOfAsync(earlier, cancellationToken);
            var report = Report(earlier, again, again.Problems) with
            {
                Review = review is null ? null : ReportReview.From(review),
            };
            return await FinishAsync(earlier, report, recordInLedger: false, cancellationToken);
        }

        var submission = await NotTheFileAsync(record,
            () => ReadAndStageAsync(content.Stream, path.FileName, department, record, cancellationToken),
            cancellationToken);
        record = record with
        {
            Observations = submission.ObservationCount,
            Evaluations = submission.Evaluations.Count,
            Errors = submission.ErrorCount,
            Warnings = submission.WarningCount,
        };
        if (!submission.IsAcceptable)
        {
            return await FinishAsync(
                record with { Reason =
                    PipelineJson.Name(submission.Problems.First(p => p.Severity == Severity.Error).Code) },
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
            // RULES.md §14: stored, not published (公開前) until the plan's secretariat approves it; the approval
            // commits it as a commit does here (accepted, or a duplicate of the upload it repeats, RULES.md §2).
            var held = await reviews.HoldAsync(record, cancellationToken);
            return await FinishAsync(held, Report(held, submission, submission.Problems), recordInLedger: false,
                cancellationToken);
        }

        // Accepted, or a duplicate of the upload it repeats: the ledger decides as it commits (RULES.md §2), so
        // that the outcome does not depend on which of two identical uploads is processed first. Either way its
        // rows are committed: a duplicate's change nothing unless an upload received before it comes in late.
        var committed = await ledger.CommitAsync(record with { Status = UploadStatus.Accepted }, cancellationToken);
        return await FinishAsync(committed, Report(committed, submission, submission.Problems), recordInLedger: false,
            cancellationToken);
    }

    /// <summary>The plan this service ingests for.</summary>
    public Plan Plan => plan;

    /// <summary>Validates a file without storing anything (<c>pipeline validate</c>): <see
    /// cref="SubmissionValidator"/>.</summary>
    public Task<UploadReport> ValidateAsync(string departmentId, string fileName, Stream stream,
        CancellationToken cancellationToken) =>
        _validator.ValidateAsync(departmentId, fileName, stream, cancellationToken);

    /// <summary>
    /// Reads the file on one thread while another stages its valid rows in batches (invisible until the
    /// commit): memory stays flat however large the file, and reading and writing overlap. If the file
    /// turns out to have an error, what was staged is never committed, so never seen.
    /// </summary>
    private async Task<SubmissionSummary> ReadAndStageAsync(Stream content, string name, Department department,
        UploadRecord upload, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var batches =
            Channel.CreateBounded<Observation[]>(
                new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
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
                var opened = Reader.StartReading(content, name, department);
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

    private async Task<IngestionResult> FinishAsync(
        UploadRecord record, UploadReport report, bool recordInLedger, CancellationToken cancellationToken)
    {
        if (recordInLedger)
        {
            await ledger.RecordAsync(record, cancellationToken);
        }

        await reports.WriteAsync(ReportNames.For(record), report, cancellationToken);
        LogIngested(record.BlobName, record.Department, record.Status, record.Observations, record.Evaluations,
            record.Errors, record.Warnings, record.UploadId.Value);
        return new IngestionResult(record, report);
    }

    /// <summary>
    /// Where the report of <paramref name="record"/> goes: beside its record, or under <c>_invalid/</c> for a path
    /// naming no department.
    /// </summary>
    private UploadReport Report(UploadRecord record, SubmissionSummary? submission, IReadOnlyList<Problem> problems) =>
        new UploadReport(UploadReport.CurrentSchema, plan.Id.Value, record.Department.ToString(), record.BlobName,
            record.DisplayName,
            record.UploadId, record.Sha256, record.ReceivedAt, record.ProcessedOn, record.Status,
            ReportCounts.Of(submission, record.Observations, record.Evaluations, problems), record.DuplicateOf,
            problems.Select(ReportProblem.From).ToArray())
        {
            Notice = record.Status switch
            {
                UploadStatus.Accepted => ReportNotices.LatestReceivedWins,
                UploadStatus.Duplicate when record.DuplicateOf is { } of => ReportNotices.Duplicate(of),
                _ => null,
            },
        }.WithRead(submission);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Upload {BlobName} from {Department}: {Status}, {Observations} observations, "
            + "{Evaluations} evaluations, {Errors} errors, {Warnings} warnings (upload {UploadId})")]
    private partial void LogIngested(
        string blobName, UploadDepartment department, UploadStatus status, int observations,
        int evaluations, int errors, int warnings, string uploadId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload {BlobName} was delivered again; it stays {Status}")]
    private partial void LogRedelivered(string blobName, UploadStatus status);
}

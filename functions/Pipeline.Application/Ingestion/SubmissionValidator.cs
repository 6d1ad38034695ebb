using Pipeline.Application.Reports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Uploads;
using Pipeline.Spreadsheets;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Application.Ingestion;

/// <summary>
/// Checks a file against one plan without storing anything (<c>pipeline validate</c>, the portal's validate): the
/// reading and the rules of an ingestion, and the report it would give, with no storage at all. Built once per plan
/// and reused: the reader it holds is the plan's.
/// </summary>
public sealed class SubmissionValidator(Plan plan, ReadLimits limits, TimeProvider clock)
{
    private readonly SubmissionReader _reader = new(plan, limits);

    /// <summary>The plan's reader, shared with its ingestion.</summary>
    internal SubmissionReader Reader => _reader;

    /// <summary>The plan files are checked against.</summary>
    public Plan Plan => plan;

    /// <summary>The report the file would get from <paramref name="departmentId"/>, accepted or rejected.</summary>
    public async Task<UploadReport> ValidateAsync(string departmentId, string fileName, Stream stream,
        CancellationToken cancellationToken)
    {
        await using var content = await SeekableContent.OfAsync(stream, limits.MaxFileBytes, cancellationToken);
        var department = DepartmentId.TryParse(departmentId, out var id) ? plan.FindDepartment(id) : null;
        var submission = _reader.ReadSummary(content.Stream, fileName, department);
        var now = clock.GetUtcNow();
        var path = UploadPath.Unstored(plan.Id, departmentId, fileName);
        return new UploadReport(UploadReport.CurrentSchema, plan.Id.Value, departmentId, path.BlobName, fileName, null,
            content.Sha256, now, now, submission.IsAcceptable ? UploadStatus.Accepted : UploadStatus.Rejected,
            ReportCounts.Of(submission, submission.ObservationCount, submission.Evaluations.Count,
                submission.Problems), null,
            submission.Problems.Select(ReportProblem.From).ToArray()).WithRead(submission);
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Domain.Commentary;
using Pipeline.Domain.Uploads;
using Pipeline.Spreadsheets;

namespace Pipeline.Application.Reports;

/// <summary>
/// The report of one upload (RULES.md §2), written to <c>upload-reports/{planId}/{departmentId}/{uploadId}.json</c>
/// (<see cref="ReportNames"/>). <see cref="UploadId"/> is null for a file checked and not stored (<c>validate</c>).
/// <see cref="Notice"/> says what the status means for the department's data (the rule that the upload received
/// last wins, what a duplicate repeats).
/// </summary>
public sealed record UploadReport(
    string SchemaVersion,
    string PlanId,
    string DepartmentId,
    string BlobName,
    string FileName,
    UploadId? UploadId,
    Sha256? Sha256,
    DateTimeOffset ReceivedAt,
    DateTimeOffset ProcessedOn,
    UploadStatus Status,
    ReportCounts Counts,
    UploadId? DuplicateOf,
    IReadOnlyList<ReportProblem> Problems,
    IReadOnlyList<ReportValue>? Values = null,
    IReadOnlyList<ReportEvaluation>? Evaluations = null,
    int ValuesNotListed = 0,
    int EvaluationsNotListed = 0)
{
    /// <summary>The schema of reports since issue 22 (one per upload, its received time and file name).</summary>
    public const string CurrentSchema = "1.1";

    /// <summary>What the status means for the department's data, in both languages; null for nothing.</summary>
    public ReportMessage? Notice { get; init; }

    /// <summary>The values read, so that the department confirms its numbers (<c>RULES.md §2</c>), up to
    /// 10,000.</summary>
    public IReadOnlyList<ReportValue> Values { get; init; } = Values ?? [];

    /// <summary>The evaluations read, up to 10,000.</summary>
    public IReadOnlyList<ReportEvaluation> Evaluations { get; init; } = Evaluations ?? [];

    /// <summary>The commentary read per indicator and fiscal year (RULES.md §13).</summary>
    public IReadOnlyList<IndicatorCommentary> Commentary { get; init; } = [];

    /// <summary>The secretariat's decision, once taken (RULES.md §14); null while none was taken.</summary>
    public ReportReview? Review { get; init; }

    /// <summary>What was read: the listed values and evaluations of a summary, the rest counted.</summary>
    public UploadReport WithRead(SubmissionSummary? read) => read is null ? this : this with
    {
        Values = read.ListedObservations.Select(ReportValue.From).ToArray(),
        ValuesNotListed = read.ObservationCount - read.ListedObservations.Count,
        Evaluations = read.Evaluations.Take(SubmissionReader.MaxValuesListed).Select(ReportEvaluation.From).ToArray(),
        EvaluationsNotListed = Math.Max(0, read.Evaluations.Count - SubmissionReader.MaxValuesListed),
        Commentary = read.Commentary,
    };

    /// <summary>The report as UTF-8 JSON.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, ReportJson.TypeInfo<UploadReport>());

    /// <summary>A report as written; one of schema 1.0 (before issue 22) gets its file name from its blob.</summary>
    public static UploadReport FromJson(ReadOnlySpan<byte> json)
    {
        var report = JsonSerializer.Deserialize(json, ReportJson.TypeInfo<UploadReport>())
            ?? throw new JsonException("The report is empty.");
        return report.FileName is null
            ? report with { FileName = report.BlobName[(report.BlobName.LastIndexOf('/') + 1)..] }
            : report;
    }
}

/// <summary>Type information for the report; the options are <see cref="ReportJson.Options"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(UploadReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;

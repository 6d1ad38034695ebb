using System.Text;
using Pipeline.Application.Ports;
using Pipeline.Application.Reports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Commentary;
using Pipeline.Domain.Review;
using Pipeline.Domain.Uploads;

namespace Pipeline.Application.Review;

/// <summary>
/// Commentary entered in the portal (RULES.md §13; its review §14), recorded exactly as a file's would be: as an
/// upload of its own (named <c>ポータル入力（評価・課題 {indicator} FY{year}）</c> in the department's history, with its
/// report), its commentary staged under it; accepted at once, or waiting for the secretariat where the plan is reviewed
/// or the year confirmed,
/// unless the secretariat entered it. Each entry is also kept in the audit with the person.
/// </summary>
public sealed class CommentaryEntries(
    IUploadLedger ledger,
    IReviewLedger reviews,
    ICommentaryStore commentary,
    IFiscalYearConfirmations confirmations,
    IReviewAudit audit,
    IUploadReports reports,
    TimeProvider clock)
{
    /// <summary>Records <paramref name="entry"/> for the department's indicator and year, by the person.</summary>
    public async Task<CommentaryEntryOutcome> EnterAsync(
        Plan plan, Department department, string indicatorId, int fiscalYear, CommentaryEntry entry, string actorId,
        string actorName, bool bySecretariat, CancellationToken cancellationToken)
    {
        var indicator = plan.FindIndicator(indicatorId);
        if (indicator is null || !Plan.MaySubmit(department, indicator))
        {
            return Refused($"指標 {indicatorId} はこの所属の指標ではありません。",
                $"{indicatorId} is not an indicator of this department.");
        }

        if (fiscalYear < indicator.Baseline.FiscalYear.Value || fiscalYear > plan.EndFiscalYear.Value)
        {
            return Refused($"{fiscalYear} 年度は計画の範囲外です。", $"FY{fiscalYear} is outside the plan.");
        }

        var parts = new[] { entry.Assessment, entry.Issues, entry.NextSteps };
        const int max = IndicatorCommentary.MaxLength;
        if (parts.Any(p => p is not null
            && (string.IsNullOrWhiteSpace(p.Ja) || p.Ja.Length > max || p.En?.Length > max)))
        {
            return Refused($"各欄は日本語が必要で、{IndicatorCommentary.MaxLength} 文字までです。",
                $"Each part needs its Japanese text, at most {IndicatorCommentary.MaxLength} characters.");
        }

        var year = new FiscalYear(fiscalYear);
        var words = new IndicatorCommentary(indicator.Id.Value, year, Clean(entry.Assessment), Clean(entry.Issues),
            Clean(entry.NextSteps));
        var now = clock.GetUtcNow();
        var name = $"ポータル入力（評価・課題 {indicator.Id} FY{fiscalYear}）";
        // An upload of its own (RULES.md §2): a folder of its own, received now, ordered with the department's files.
        var path = UploadPath.New(plan.Id, department.Id, UploadFolder.New(now), name);
        var sha256 = Sha256.Of(Encoding.UTF8.GetBytes($"{words}\n{now.UtcTicks}\n{actorId}"));
        var version = new ReceivedVersion($"\"{sha256.Value}\"", now);
        var uploadId = UploadId.Of(path, version, sha256);
        var record = new UploadRecord(plan.Id, path.Department, uploadId, path.BlobName, sha256,
            version.ReceivedAt(path), now, UploadStatus.Accepted, 0, 0, 0, 0, UploadedBy: $"{actorName} <{actorId}>",
            Version: version.Tag, FileName: name);
        await commentary.StageAsync(plan, record, [words], cancellationToken);

        var confirmed = new ConfirmedYears(await confirmations.AllAsync(plan.Id, cancellationToken));
        var held = !bySecretariat && (plan.Publication.Review || confirmed.IsConfirmed(year));
        var recorded = held
            ? await reviews.HoldAsync(record, cancellationToken)
            : await ledger.CommitAsync(record, cancellationToken);
        await audit.RecordAsync(new ReviewAction(ReviewActionKind.Commentary, plan.Id.Value, actorId, actorName, now,
            DepartmentId: department.Id.Value, UploadId: recorded.UploadId.Value, FiscalYear: year,
            IndicatorId: indicator.Id.Value), cancellationToken);
        await reports.WriteAsync(ReportNames.Of(plan.Id.Value, department.Id.Value, recorded.UploadId),
            new UploadReport(UploadReport.CurrentSchema, plan.Id.Value, department.Id.Value, path.BlobName, name,
            recorded.UploadId, sha256, recorded.ReceivedAt, now, recorded.Status, new ReportCounts(0, 0, 0, 0, 0, 0),
            recorded.DuplicateOf, [])
        {
            Commentary = [words],
        }, cancellationToken);
        return new CommentaryEntryOutcome(recorded);
    }

    private static LocalizedText? Clean(LocalizedText? text) =>
        text is null
            ? null
            : new LocalizedText(text.Ja.Trim(), string.IsNullOrWhiteSpace(text.En) ? null : text.En.Trim());

    private static CommentaryEntryOutcome Refused(string ja, string en) => new(null, ja, en);
}

using Pipeline.Domain.Calendar;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Grading;
using Pipeline.Domain.Json;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Progress;
using Pipeline.Domain.Rollup;
using Pipeline.Domain.Uploads;

namespace Pipeline.Publishing.Document;

/// <summary>Builds the feed document from the catalogue, the fiscal-year values and the evaluations. Pure.</summary>
public static class FeedBuilder
{
    /// <summary>The statuses in the order their counts are listed.</summary>
    public static readonly IReadOnlyList<ProgressStatus> CountedStatuses =
        [ProgressStatus.Achieved, ProgressStatus.OnTrack, ProgressStatus.Behind, ProgressStatus.Deteriorated,
            ProgressStatus.NoData];

    public static ProgressFeed Build(
        Plan plan,
        IReadOnlyDictionary<string, IReadOnlyList<FiscalYearActual>> actuals,
        IEnumerable<StoredEvaluation> currentEvaluations,
        DateTimeOffset now,
        JapanCalendar calendar)
    {
        var lastDue = calendar.LastDue(plan, now);
        var status = calendar.StatusOf(plan, now);
        var indicators =
            plan.Indicators.Select(i => Indicator(plan, i, actuals.GetValueOrDefault(i.Id.Value) ?? [], lastDue, now)
                with
        {
            // RULES.md §11: once the plan is closed, each indicator's final grade.
            FinalEvaluation = status == PlanStatus.Closed
                ? FeedFinalEvaluation.From(
                    FinalGrading.Of(i, plan.EndFiscalYear, actuals.GetValueOrDefault(i.Id.Value) ?? [], now))
                : null,
        }).ToList();
        var gradeOf = indicators.ToDictionary(i => i.Id, i => i.FinalEvaluation?.Grade, StringComparer.Ordinal);
        var evaluations = currentEvaluations.ToLookup(e => e.InitiativeId);
        var statusOf = indicators.ToDictionary(i => i.Id, i => i.Status, StringComparer.Ordinal);

        var policies = plan.Policies.Select(p => new FeedPolicy(
            p.Id, p.BasicPolicyId, p.Name,
            plan.Indicators.Where(i => i.PolicyId == p.Id).Select(i => i.Id.Value).ToList(),
            Counts(plan.Indicators.Where(i => i.PolicyId == p.Id).Select(i => statusOf[i.Id.Value])),
            p.Measures.Select(m => new FeedMeasure(m.Id, m.Name, m.Initiatives.Select(n => new FeedInitiative(
                n.Id.Value, n.Name, n.Priority,
                n.Owners,
                evaluations[n.Id.Value].OrderBy(e => e.FiscalYear).Select(Evaluation).ToList())).ToList())).ToList()))
                    .ToList();

        var basicPolicies = plan.BasicPolicies.Select(b => new FeedBasicPolicy(
            b.Id, b.Name, b.Policies.Select(p => p.Id).ToList(),
            Counts(plan.Indicators.Where(i => i.BasicPolicyId == b.Id).Select(i => statusOf[i.Id.Value])),
            status == PlanStatus.Closed
                ? FinalGrading.Counts(plan.Indicators.Where(i => i.BasicPolicyId == b.Id)
                    .Select(i => gradeOf[i.Id.Value]!.Value))
                : null)).ToList();

        return new ProgressFeed(
            "1.0",
            JapanCalendar.InJapan(now),
            plan.OpenData.LicenseId,
            License(plan),
            new FeedPlan(plan.Id.Value, plan.Name, plan.StartFiscalYear.Value, plan.EndFiscalYear.Value,
                PublisherOf(plan),
                status, plan.Organisations),
            new FeedFreshness(lastDue?.Value, $"--{calendar.ResultsDue} after the fiscal year closes (JST)",
                indicators.Count(i => i.Overdue)),
            indicators,
            policies,
            basicPolicies);
    }

    /// <summary>The plan's publisher as the feed and the index of plans name it.</summary>
    public static FeedPublisher PublisherOf(Plan plan) =>
        new(plan.Publisher.Name, plan.Publisher.LocalGovernmentCode, plan.Publisher.Partners);

    /// <summary>
    /// The evaluation that stands for each initiative and fiscal year (the upload received last wins, RULES.md §2).
    /// </summary>
    public static IEnumerable<StoredEvaluation> CurrentEvaluations(
        IEnumerable<StoredEvaluation> evaluations, CommittedUploads uploads) =>
        evaluations.Where(e => uploads.Contains(e.UploadId))
            .GroupBy(e => (e.InitiativeId, e.FiscalYear))
            .Select(g => Supersession.Standing(g, uploads, e => e.Order, (a, b) => a.SameAs(b))!);

    private static FeedIndicator Indicator(Plan plan, Indicator indicator, IReadOnlyList<FiscalYearActual> actuals,
        FiscalYear? lastDue, DateTimeOffset now)
    {
        // RULES.md §4: the headline is the latest complete year; a later partial one is year to date only.
        var (latest, yearToDate) = PartialYears.Split(indicator, actuals, now);
        var progress = ProgressCalculator.At(indicator, latest?.FiscalYear, latest?.Value);
        var feedActuals = actuals.Select(a =>
        {
            var complete = PartialYears.IsComplete(indicator, a, now);
            var atYear = complete ? ProgressCalculator.At(indicator, a.FiscalYear, a.Value)
                : ProgressCalculator.At(indicator, null, null);
            var areas = a.Areas.Select(w => new FeedArea(w.Code, plan.Wards.First(x => x.Code.Value == w.Code).Name,
                w.Value,
                w.Partial, w.Flag, w.Note)).ToList();
            return new FeedActual(a.FiscalYear.Value, a.Value, a.Partial || !complete, areas,
                atYear.AchievementRatePercent, atYear.Status,
                a.Warnings.Select(w => new FeedWarning(w.Code, new LocalizedText(w.MessageJa, w.MessageEn))).ToList())
            {
                Flag = a.Flag,
                Note = a.Note,
            };
        }).ToList();

        return new FeedIndicator(
            indicator.Id.Value, indicator.PolicyId, indicator.BasicPolicyId, indicator.Name, indicator.Unit.Symbol,
            indicator.Kind, indicator.OwnerDepartmentId.Value,
            new FeedValue(indicator.Baseline.FiscalYear.Value, indicator.Baseline.Value),
            new FeedValue(indicator.Target.FiscalYear.Value, indicator.Target.Value),
            feedActuals,
            latest is null ? null : new FeedValue(latest.FiscalYear.Value, latest.Value),
            progress.AchievementRatePercent,
            progress.ExpectedProgress,
            progress.Status,
            progress.SdgProgress,
            JapanCalendar.IsOverdue(latest?.FiscalYear, lastDue),
            indicator.Direction,
            yearToDate is null ? null
                : new FeedYearToDate(yearToDate.FiscalYear.Value, yearToDate.Value!.Value, yearToDate.MonthsReported),
            indicator.Continues,
            Commentary: []);
    }

    private static FeedEvaluation Evaluation(StoredEvaluation e) =>
        new(e.FiscalYear.Value, e.Rating, StatusLabels.Of(e.Rating), e.Comment);

    /// <summary>Indicators per status, keyed by the status's name in the feed.</summary>
    private static Dictionary<string, int> Counts(IEnumerable<ProgressStatus> statuses)
    {
        var counts = CountedStatuses.ToDictionary(PipelineJson.Name, _ => 0, StringComparer.Ordinal);
        foreach (var status in statuses)
        {
            counts[PipelineJson.Name(status)]++;
        }

        return counts;
    }

    private static FeedLicense License(Plan plan) => FeedAttribution.For(plan, publishedUrl: null);
}

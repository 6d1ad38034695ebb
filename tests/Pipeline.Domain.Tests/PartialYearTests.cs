using Microsoft.Extensions.Time.Testing;
using Pipeline.Testing;
using System.Text.Json;
using Json.Schema;
using Pipeline.Domain.Calendar;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Progress;
using Pipeline.Domain.Rollup;
using Pipeline.Domain.Uploads;
using Pipeline.Publishing;
using Pipeline.Publishing.Document;
using Pipeline.Publishing.Formats;

namespace Pipeline.Domain.Tests;

/// <summary>
/// RULES.md §4, partial years, on the town plan without wards (Plans/decreasing-test-plan.json): the headline
/// is the latest complete fiscal year; the year in progress, or a monthly flow with months missing, is
/// published as yearToDate and never drives a status.
/// </summary>
public sealed class PartialYearTests
{
    private static readonly Plan Plan = DirectionTests.Plan;
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 17, 0, 0, TimeSpan.Zero); // FY2026 runs until 31 March 2027
    private static readonly int[] FiscalMonths = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3];

    private static StoredObservation Obs(string indicator, int fy, int? month, decimal value) =>
        new(indicator, new FiscalYear(fy), Plan.WholeCity.Code.Value, month, value, null, null, UploadId.Parse("u1"), Now.AddDays(-1));

    private static FeedIndicator Feed(IEnumerable<StoredObservation> rows, string indicator)
    {
        var actuals = FiscalYearRollup.Combine(Plan, rows, AcceptedUploads.Of("u1"));
        return FeedBuilder.Build(Plan, actuals, [], Now, new JapanCalendar(new FakeTimeProvider(Now))).Indicators.Single(i => i.Id == indicator);
    }

    [Fact]
    public void A_monthly_flow_in_the_year_in_progress_is_year_to_date_and_the_headline_stays_on_the_last_complete_year()
    {
        // I-1-K4 (consultations, flow, b = 100 FY2022, T = 200 FY2027): FY2025 all twelve months of 15 = 180;
        // FY2026 April–June of 10 = 30 so far. Headline FY2025: 達成率 = 100 × 80 / 100 = 80.0 ≥ 60 → on_track.
        // Were FY2026's 30 the headline it would read 達成率 −70.0, deteriorated.
        var rows = FiscalMonths.Select(m => Obs("I-1-K4", 2025, m, 15)).Concat(new[] { 4, 5, 6 }.Select(m => Obs("I-1-K4", 2026, m, 10)));
        var feed = Feed(rows, "I-1-K4");
        Assert.Equal(new FeedValue(2025, 180m), feed.Latest);
        Assert.Equal(80.0m, feed.AchievementRatePercent);
        Assert.Equal(ProgressStatus.OnTrack, feed.Status);
        Assert.Equal(new FeedYearToDate(2026, 30m, 3), feed.YearToDate);
        var inProgress = feed.Actuals.Single(a => a.FiscalYear == 2026);
        Assert.True(inProgress.Partial);
        Assert.Equal(ProgressStatus.NoData, inProgress.Status);
        Assert.Null(inProgress.AchievementRatePercent);
    }

    [Fact]
    public void A_monthly_flow_with_months_missing_in_an_ended_year_is_year_to_date_too()
    {
        // FY2025 has ended (31 March 2026) but only April–February was entered: 11 × 15 = 165, months 11.
        // FY2024 is complete: 12 × 14 = 168 → headline FY2024: 達成率 = 68.0; expected 2/5 = 0.4 → on_track.
        var rows = FiscalMonths.Select(m => Obs("I-1-K4", 2024, m, 14)).Concat(FiscalMonths[..11].Select(m => Obs("I-1-K4", 2025, m, 15)));
        var feed = Feed(rows, "I-1-K4");
        Assert.Equal(new FeedValue(2024, 168m), feed.Latest);
        Assert.Equal(68.0m, feed.AchievementRatePercent);
        Assert.Equal(new FeedYearToDate(2025, 165m, 11), feed.YearToDate);
    }

    [Fact]
    public void A_stock_reported_in_the_year_in_progress_is_year_to_date_and_no_complete_year_is_no_data()
    {
        // I-1-K1 (people waiting, decrease): only FY2026, September: 12. Nothing complete → no_data; yearToDate 12.
        var feed = Feed([Obs("I-1-K1", 2026, 9, 12)], "I-1-K1");
        Assert.Null(feed.Latest);
        Assert.Equal(ProgressStatus.NoData, feed.Status);
        Assert.Equal(new FeedYearToDate(2026, 12m, 1), feed.YearToDate);
        Assert.Equal(IndicatorDirection.Decrease, feed.Direction);
    }

    [Fact]
    public void A_stock_with_months_missing_in_an_ended_year_is_complete()
    {
        // Only a flow needs every month; a stock's latest month is its value: FY2025 (ended), March: 14.
        // 達成率 = 100 × (14 − 20) / (10 − 20) = 60.0 ≥ 60 → on_track.
        var feed = Feed([Obs("I-1-K1", 2025, 3, 14)], "I-1-K1");
        Assert.Equal(new FeedValue(2025, 14m), feed.Latest);
        Assert.Equal(ProgressStatus.OnTrack, feed.Status);
        Assert.Null(feed.YearToDate);
    }

    [Fact]
    public void A_year_the_roll_up_marks_partial_never_sets_the_headline()
    {
        // The built-in plan, III-1-K1 (flow, b = 484 FY2018, T = 1200 FY2024). FY2022: the whole city, 1100.
        // FY2023 (ended): only 中央区 reported, 408, and no whole-city row: the roll-up marks it partial.
        // Headline FY2022: 達成率 = 100 × (1100 − 484) / 716 = 86.03 → 86.0; expected (2022 − 2018) / 6 = 0.6667 → on_track.
        // Were FY2023's 408 the headline, it would read −10.6, deteriorated.
        var plan = BuiltInPlans.Default;
        var now = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
        StoredObservation At(int fy, string area, decimal value) => new("III-1-K1", new FiscalYear(fy), area, null, value, null, null, UploadId.Parse("u1"), now);
        var actuals = FiscalYearRollup.Combine(plan, [At(2022, plan.WholeCity.Code.Value, 1100), At(2023, plan.Wards[0].Code.Value, 408)], AcceptedUploads.Of("u1"));
        Assert.Equal((true, true), (actuals["III-1-K1"].Single(a => a.FiscalYear.Value == 2023).Partial,
            actuals["III-1-K1"].Single(a => a.FiscalYear.Value == 2023).WardsMissing));

        var feed = FeedBuilder.Build(plan, actuals, [], now, new JapanCalendar(new FakeTimeProvider(now)))
            .Indicators.Single(i => i.Id == "III-1-K1");
        Assert.Equal(new FeedValue(2022, 1100m), feed.Latest);
        Assert.Equal((86.0m, ProgressStatus.OnTrack), (feed.AchievementRatePercent, feed.Status));
        Assert.Equal(new FeedYearToDate(2023, 408m, null), feed.YearToDate);
        var partial = feed.Actuals.Single(a => a.FiscalYear == 2023);
        Assert.Equal((true, ProgressStatus.NoData), (partial.Partial, partial.Status));
    }

    [Fact]
    public void A_plan_without_wards_rolls_up_whole_city_values_and_publishes_no_area_breakdown()
    {
        var feed = FeedBuilder.Build(Plan, FiscalYearRollup.Combine(Plan, [Obs("I-1-K2", 2025, null, 40)], AcceptedUploads.Of("u1")), [], Now, new JapanCalendar(new FakeTimeProvider(Now)));
        var indicator = feed.Indicators.Single(i => i.Id == "I-1-K2");
        Assert.Equal(40m, indicator.Latest!.Value);
        Assert.Empty(Assert.Single(indicator.Actuals).Areas);
        Assert.Empty(Assert.Single(indicator.Actuals).Warnings);
        Assert.Equal(PlanStatus.Active, feed.Plan.Status);
        Assert.Equal(["town", "npo-sasaeai"], feed.Plan.Organisations.Select(o => o.Id));
        Assert.Equal(["npo-sasaeai"], feed.Policies.Single().Measures.Single().Initiatives.Single(n => n.Id == "I-1-1-b").Owners);
        Assert.Equal("II-9-K9", feed.Indicators.Single(i => i.Id == "I-1-K3").Continues!.IndicatorId);
        var csv = System.Text.Encoding.UTF8.GetString(FeedCsv.Write(feed));
        Assert.True(csv.Contains("I-1-K2,低栄養傾向の高齢者の割合,Older people tending to undernutrition,%,ratio,2025,2025-04-01,2026-03-31,city,40,false,,,2022,50,2027,30,50,behind,decrease,", StringComparison.Ordinal), csv);
    }

    [Fact]
    public void A_feed_with_a_year_to_date_a_decrease_and_a_continued_series_validates_against_the_schema()
    {
        var rows = FiscalMonths.Select(m => Obs("I-1-K4", 2025, m, 15)).Concat(new[] { 4, 5 }.Select(m => Obs("I-1-K4", 2026, m, 10)))
            .Append(Obs("I-1-K1", 2025, null, 14)).Append(Obs("I-1-K3", 2025, null, 12));
        var feed = FeedBuilder.Build(Plan, FiscalYearRollup.Combine(Plan, rows, AcceptedUploads.Of("u1")), [], Now, new JapanCalendar(new FakeTimeProvider(Now)));
        // As the nightly run publishes it: with the provenance of every value.
        feed = FeedProvenance.Attach(feed, rows, new CommittedUploads([AcceptedUploads.Record("u1", "shakyo", Now.AddDays(-1))]));
        var json = JsonDocument.Parse(FeedFiles.Json(feed)).RootElement;
        Assert.Equal("decrease", json.GetProperty("indicators")[0].GetProperty("direction").GetString());
        Assert.Equal(2, json.GetProperty("indicators")[3].GetProperty("yearToDate").GetProperty("monthsReported").GetInt32());
        Assert.Equal("test-town-welfare-0", json.GetProperty("indicators")[2].GetProperty("continues").GetProperty("planId").GetString());
        Assert.Equal("active", json.GetProperty("plan").GetProperty("status").GetString());
        // Under an $id of its own: the schema library keeps one global registry, and FeedFilesTests registers the published $id.
        var schemaText = System.Text.Encoding.UTF8.GetString(FeedFiles.Schema())
            .Replace("/feeds/v1/progress.schema.json", "/tests/partial-years/progress.schema.json", StringComparison.Ordinal);
        var result = JsonSchema.FromText(schemaText).Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", result.Details?.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? []));
    }
}

using System.Text;
using System.Text.Json;
using Json.Schema;
using Pipeline.Core.Aggregation;
using Pipeline.Core.Catalogue;
using Pipeline.Core.Feed;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ports;
using Pipeline.Core.Progress;
using Pipeline.Core.Submissions;

namespace Pipeline.Core.Tests;

public sealed class FeedFilesTests
{
    private static readonly Plan Plan = BuiltInPlans.Default;
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 17, 0, 0, TimeSpan.Zero);

    internal static ProgressFeed SampleFeed()
    {
        var t = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);
        StoredObservation[] rows =
        [
            new("I-1-K2", new FiscalYear(2022), "431001", null, 260, null, null, "u", t),
            new("I-1-K2", new FiscalYear(2023), "431001", null, 350, null, null, "u", t),
            new("III-2-K1", new FiscalYear(2023), "431010", null, 25, 250, 1000, "u", t),
            new("III-3-K1", new FiscalYear(2023), "431001", null, 1361, null, null, "u", t),
        ];
        var accepted = new HashSet<string> { "u" };
        var actuals = FiscalYearRollup.Combine(Plan, rows, accepted);
        StoredEvaluation[] evaluations = [new("I-1-1-a", new FiscalYear(2023), Rating.B, "=HYPERLINK(\"x\")", "u", t)];
        return FeedBuilder.Build(Plan, actuals, FeedBuilder.CurrentEvaluations(evaluations, accepted), Now, new FreshnessRule());
    }

    [Fact]
    public void The_feed_validates_against_its_published_schema()
    {
        var schema = JsonSchema.FromText(Encoding.UTF8.GetString(FeedFiles.Schema()));
        var json = JsonDocument.Parse(FeedFiles.Json(SampleFeed())).RootElement;
        var result = schema.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", result.Details?.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? []));

        var broken = JsonDocument.Parse(Encoding.UTF8.GetString(FeedFiles.Json(SampleFeed())).Replace("\"on_track\"", "\"fine\"", StringComparison.Ordinal)).RootElement;
        Assert.False(schema.Evaluate(broken).IsValid);
    }

    [Fact]
    public void The_feed_carries_the_plan_publisher_licence_and_progress()
    {
        var feed = SampleFeed();
        Assert.Equal("+09:00", feed.GeneratedAt.ToString("zzz", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(("CC-BY-4.0", "431001", 2020, 2024), (feed.License, feed.Plan.Publisher.LocalGovernmentCode, feed.Plan.StartFiscalYear, feed.Plan.EndFiscalYear));
        Assert.Contains("政府標準利用規約", feed.LicenseDetail.Attribution.Ja, StringComparison.Ordinal);
        var indicator = feed.Indicators.Single(i => i.Id == "I-1-K2");
        Assert.Equal((ProgressStatus.Behind, 46.5m, SdgProgress.ModerateProgress, true), (indicator.Status, indicator.AchievementRatePercent, indicator.SdgProgress, indicator.Overdue));
        Assert.Equal([(ProgressStatus.Behind, 2022), (ProgressStatus.Behind, 2023)], indicator.Actuals.Select(a => (a.Status, a.FiscalYear)));
        Assert.Equal(new FeedValue(2023, 350), indicator.Latest);
        Assert.Null(feed.Indicators.Single(i => i.Id == "I-1-K1").Latest);
        var policy = feed.Policies.Single(p => p.Id == "I-1");
        Assert.Equal(["I-1-K1", "I-1-K2"], policy.IndicatorIds);
        Assert.Equal(1, policy.StatusCounts["behind"]);
        Assert.Equal(1, policy.StatusCounts["no_data"]);
        Assert.Equal(10, feed.BasicPolicies.Sum(b => b.StatusCounts.Values.Sum()));
        Assert.Equal(Rating.B, policy.Measures[0].Initiatives[0].Evaluations.Single().Rating);
        Assert.Equal(2024, feed.Freshness.LastDueFiscalYear);
        Assert.Equal(10, feed.Freshness.OverdueIndicators);
    }

    [Fact]
    public void The_csv_has_a_bom_crlf_one_row_per_indicator_and_year_and_neutralised_cells()
    {
        var bytes = FeedCsv.Write(SampleFeed());
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain('\n', text.Replace("\r\n", "", StringComparison.Ordinal));
        Assert.Equal(1 + 4, lines.Length);
        Assert.StartsWith("plan_id,basic_policy_id,policy_id,indicator_id", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("kumamoto-welfare-4,III,III-3,III-3-K1,", StringComparison.Ordinal) && l.EndsWith(",-7.8,deteriorated,increase", StringComparison.Ordinal));
        Assert.Equal("'=1+1", FeedCsv.Cell("=1+1"));
        Assert.Equal("'+81", FeedCsv.Cell("+81"));
        Assert.Equal("'@SUM(A1)", FeedCsv.Cell("@SUM(A1)"));
        Assert.Equal("\"'-2,3\"", FeedCsv.Cell("-2,3"));
        Assert.Equal("\"a\"\"b\"", FeedCsv.Cell("a\"b"));
    }

    [Fact]
    public void The_data_package_describes_both_files()
    {
        using var package = JsonDocument.Parse(FeedFiles.DataPackage(SampleFeed()));
        var root = package.RootElement;
        Assert.Equal("CC-BY-4.0", root.GetProperty("licenses")[0].GetProperty("name").GetString());
        var resources = root.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(["progress.json", "progress.csv"], resources.Select(r => r.GetProperty("path").GetString()));
        var fields = resources[1].GetProperty("schema").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Equal(FeedCsv.Columns.Select(c => c.Name), fields);
        var header = Encoding.UTF8.GetString(FeedCsv.Write(SampleFeed())[3..]).Split("\r\n")[0].Split(',');
        Assert.Equal(header, fields);
    }

    [Fact]
    public void The_content_hash_ignores_the_generation_time_only()
    {
        var feed = SampleFeed();
        Assert.Equal(FeedFiles.ContentHash(feed), FeedFiles.ContentHash(feed with { GeneratedAt = Now.AddDays(1) }));
        Assert.NotEqual(FeedFiles.ContentHash(feed), FeedFiles.ContentHash(feed with { License = "x" }));
    }
}

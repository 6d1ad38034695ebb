using Microsoft.Extensions.Time.Testing;
using System.Text;
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
using Pipeline.Spreadsheets.Reading;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.Publishing.Tests;

public sealed class FeedFilesTests(ITestOutputHelper output)
{
    private const string GenerationTime = "ProgressFeed.GeneratedAt";
    private static readonly Plan Plan = BuiltInPlans.Default;
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 17, 0, 0, TimeSpan.Zero);

    private static UploadId Id(string id) => UploadId.Parse(id);

    internal static ProgressFeed SampleFeed()
    {
        var t = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var later = t.AddDays(20);
        StoredObservation[] rows =
        [
            new("I-1-K2", new FiscalYear(2022), "431001", null, 260, null, null, Id("u"), t),
            new("I-1-K2", new FiscalYear(2023), "431001", null, 340, null, null, Id("u"), t),
            new("I-1-K2", new FiscalYear(2023), "431001", null, 350, null, null, Id("v"), later),
            new("III-2-K1", new FiscalYear(2023), "431010", null, 25, 250, 1000, Id("u"), t),
            new("III-3-K1", new FiscalYear(2023), "431001", null, 1361, null, null, Id("u"), t),
            new("III-3-K1", new FiscalYear(2023), "431001", null, 1361, null, null, Id("v"), later),
        ];
        var uploads = new CommittedUploads([AcceptedUploads.Record("u", "shakyo", t), AcceptedUploads.Record("v", "shakyo", later)]);
        var actuals = FiscalYearRollup.Combine(Plan, rows, uploads);
        StoredEvaluation[] evaluations = [new("I-1-1-a", new FiscalYear(2023), Rating.B, "=HYPERLINK(\"x\")", Id("u"), t)];
        var feed = FeedBuilder.Build(Plan, actuals, FeedBuilder.CurrentEvaluations(evaluations, uploads), Now, new JapanCalendar(new FakeTimeProvider(Now)));
        return FeedProvenance.Attach(feed, rows, uploads);
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
    public void The_csv_has_a_bom_crlf_standard_dataset_columns_one_row_per_indicator_year_and_area_and_neutralised_cells()
    {
        var feed = SampleFeed();
        var bytes = FeedCsv.Write(feed);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain('\n', text.Replace("\r\n", "", StringComparison.Ordinal));
        // I-1-K2 FY2022 and FY2023, III-3-K1 FY2023 (city rows); III-2-K1 FY2023: the city row and the 中央区 row.
        Assert.Equal(1 + 5, lines.Length);
        Assert.StartsWith("全国地方公共団体コード,地方公共団体名,plan_id,basic_policy_id,policy_id,indicator_id", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("431010,熊本市中央区,kumamoto-welfare-4,III,III-2,III-2-K1,", StringComparison.Ordinal) && l.Contains(",2023,2023-04-01,2024-03-31,ward,25,false,,,,,,,,,increase,false,shakyo,u,2024-05-01T00:00:00Z", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("431001,熊本市,kumamoto-welfare-4,III,III-3,III-3-K1,", StringComparison.Ordinal) && l.EndsWith(",-7.8,deteriorated,increase,false,shakyo,v,2024-05-21T00:00:00Z,D,2023,worsened", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("431001,熊本市,kumamoto-welfare-4,I,I-1,I-1-K2,", StringComparison.Ordinal) && l.Contains(",2023,2023-04-01,2024-03-31,city,350,false,", StringComparison.Ordinal) && l.EndsWith(",increase,true,shakyo,v,2024-05-21T00:00:00Z,B,2023,improved", StringComparison.Ordinal));
        // The final grade on city rows of the closed plan (RULES.md §11), blank on ward rows.
        Assert.Contains(lines, l => l.StartsWith("431010,", StringComparison.Ordinal) && l.EndsWith("2024-05-01T00:00:00Z,,,", StringComparison.Ordinal));
        Assert.Equal("'=1+1", FeedCsv.Cell("=1+1"));
        Assert.Equal("'+81", FeedCsv.Cell("+81"));
        Assert.Equal("'@SUM(A1)", FeedCsv.Cell("@SUM(A1)"));
        Assert.Equal("\"'-2,3\"", FeedCsv.Cell("-2,3"));
        Assert.Equal("\"a\"\"b\"", FeedCsv.Cell("a\"b"));
    }

    [Fact]
    public void The_content_hash_covers_every_published_file()
    {
        // Every file published, rendered as the run would render it apart from the time: a change in how any one of
        // them is written (progress.csv, the workbook, the SDMX and Open SDG files …) is a change of content. The zip
        // holds the others, so it counts through them; the workbook counts by its parts (the time in its zip is not
        // content). Before issue 23 only progress.json and the static files were hashed.
        var feed = SampleFeed();
        var files = FeedFiles.Create(feed with { GeneratedAt = default });
        Assert.Equal(FeedFiles.ContentHash(files), FeedFiles.ContentHash(feed));
        Assert.True(files.Count >= 15, string.Join(", ", files.Select(f => f.Name)));
        var hashes = new HashSet<string>(StringComparer.Ordinal) { FeedFiles.ContentHash(files) };
        foreach (var file in files.Where(f => f.Name != FeedPaths.ZipName))
        {
            var content = file.Name == FeedPaths.WorkbookName
                ? FeedArchive.Write(FeedArchive.Read(file.Content)
                    .Select((p, i) => i == 0 ? (p.Path, p.Content.Append((byte)' ').ToArray()) : p), Now)
                : file.Content.Append((byte)'\n').ToArray();
            var changed = files.Select(f => f.Name == file.Name ? f with { Content = content } : f).ToList();
            Assert.True(hashes.Add(FeedFiles.ContentHash(changed)), $"a change to {file.Name} left the hash as it was");
        }

        // The same workbook zipped at another time is the same content.
        var workbook = files.Single(f => f.Name == FeedPaths.WorkbookName);
        var rezipped = workbook with { Content = FeedArchive.Write(FeedArchive.Read(workbook.Content), Now.AddYears(-3)) };
        Assert.NotEqual(workbook.Content, rezipped.Content);
        Assert.Equal(FeedFiles.ContentHash(files), FeedFiles.ContentHash(files.Select(f => f == workbook ? rezipped : f).ToList()));
    }

    [Fact]
    public void The_content_hash_ignores_the_generation_time_and_nothing_else()
    {
        // Every field of the feed's model (found by reflection, so a field added later is in it), changed on its own
        // where the sample feed has it (filled where the sample leaves it null or empty), changes the hash; the
        // generation time, the one field left out, does not.
        var feed = SampleFeed();
        var fields = FeedFields.Reachable(typeof(ProgressFeed)).Select(FeedFields.Name).ToList();
        Assert.Contains(GenerationTime, fields);
        var sites = FeedFields.Sites(feed);
        var nowhere = fields.Where(f => !sites.ContainsKey(f)).ToList();
        Assert.True(nowhere.Count == 0, "no place to change " + string.Join(", ", nowhere));
        var hashes = new Dictionary<object, string>(ReferenceEqualityComparer.Instance);
        string Hash(object document) => hashes.TryGetValue(document, out var known)
            ? known
            : hashes[document] = FeedFiles.ContentHash((ProgressFeed)document);
        var kept = new List<string>();
        var changed = new List<string>();
        foreach (var field in fields)
        {
            var (start, path) = sites[field];
            var where = $"{field} ({FeedFields.Describe(path)})";
            for (var variant = 0; ; variant++)
            {
                try
                {
                    (Hash(FeedFields.Changed(start, path, variant)) == Hash(start) ? kept : changed).Add(where);
                    break;
                }
                catch (Exception e) when (e is not Xunit.Sdk.XunitException)
                {
                    output.WriteLine($"{where}, change {variant}: {e.GetType().Name}: {e.Message}");
                    Assert.True(variant + 1 < FeedFields.Variants(start, path), $"no files made with {where} changed");
                }
            }
        }

        output.WriteLine($"{changed.Count} fields change the hash: {string.Join(", ", changed)}");
        Assert.Equal([$"{GenerationTime} (GeneratedAt)"], kept);

        // The generation time alone, whatever it is, leaves the hash as it was.
        var hash = Hash(feed);
        DateTimeOffset[] times =
            [Now.AddDays(1), Now.AddYears(-5), default, new(2031, 1, 1, 0, 0, 0, TimeSpan.FromHours(9))];
        Assert.All(times, at => Assert.Equal(hash, FeedFiles.ContentHash(feed with { GeneratedAt = at })));
        Assert.Equal(hash, FeedFiles.ContentHash(SampleFeed()));

        // The committee's report carries the departments' commentary of its year: new words are new content; words of
        // another year are not in the published report.
        var year = CommitteeReportDocx.DefaultFiscalYear(feed);
        var words = new Pipeline.Domain.Commentary.IndicatorCommentary("I-1-K2", new FiscalYear(year),
            new LocalizedText("マッチングが伸びた"), null, null);
        Assert.NotEqual(hash, FeedFiles.ContentHash(feed, [words]));
        Assert.Equal(hash, FeedFiles.ContentHash(feed, [words with { FiscalYear = new FiscalYear(year - 1) }]));
        Assert.Equal(FeedFiles.ContentHash(feed, [words]),
            FeedFiles.ContentHash(feed with { GeneratedAt = Now.AddDays(1) }, [words]));
    }
}

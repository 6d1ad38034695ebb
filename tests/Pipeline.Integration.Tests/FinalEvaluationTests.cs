using System.Text;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Grading;
using Pipeline.Domain.Uploads;
using Pipeline.Infrastructure.Storage;
using Pipeline.Publishing;
using Pipeline.Publishing.Document;
using Pipeline.Testing;

namespace Pipeline.Integration.Tests;

/// <summary>
/// RULES.md §11 on the 4th plan (closed since 30 June 2025; the test clock is 27 November 2026 JST) with the samples
/// ingested and the nightly run published: every indicator's final grade, worked by hand from the plan's baselines and
/// targets and the samples' FY2023 values (the samples stop at FY2023, one of the plan's last two years FY2023–FY2024;
/// no indicator has a tolerance, so only an equal value would be C).
/// </summary>
public sealed class FinalEvaluationTests : IDisposable
{
    private readonly TestPipeline _pipeline = new(Azurite.Instance);

    public void Dispose() => _pipeline.Dispose();

    [Fact]
    public async Task Every_indicator_of_the_closed_4th_plan_gets_its_grade_in_progress_json_and_progress_csv()
    {
        await Uploads.IngestEverySampleAsync(_pipeline);

        await Nightly.RunAsync(_pipeline);
        var container = await _pipeline.Storage.ContainerAsync(StorageNames.OpenDataContainer, CancellationToken.None);
        var json = await container.GetBlobClient(BlobFeedStore.Path(PlanId.Parse("kumamoto-welfare-4"), FeedPaths.JsonName)).DownloadContentAsync();
        var feed = FeedFiles.ReadJson(json.Value.Content.ToMemory().Span);
        Assert.Equal(PlanStatus.Closed, feed.Plan.Status);

        (string Id, FinalGrade Grade, decimal? Value, FinalGradeReason Reason)[] expected =
        [
            // 定員充足率 b 95.1 → 95.9 (FY2023), T 100: 95.9 < 100 not reached; 95.9 − 95.1 = +0.8 > 0 → B.
            ("I-1-K1", FinalGrade.B, 95.9m, FinalGradeReason.Improved),
            // マッチング件数 b 98 → 350, T 640: not reached; +252 → B.
            ("I-1-K2", FinalGrade.B, 350m, FinalGradeReason.Improved),
            // 研修の実施回数 b 46 → 61, T 70: not reached; +15 → B.
            ("I-2-K1", FinalGrade.B, 61m, FinalGradeReason.Improved),
            // 通いの場の数 b 711 → 760, T 811: not reached; +49 → B.
            ("II-1-K1", FinalGrade.B, 760m, FinalGradeReason.Improved),
            // 支え合い活動の割合: 現状値なし (no baseline) → E, whatever the 82 % of FY2023.
            ("II-1-K2", FinalGrade.E, 82m, FinalGradeReason.NoBaseline),
            // 行動計画を策定した校区社協 b 5 → 85, T 95: not reached; +80 → B.
            ("II-2-K1", FinalGrade.B, 85m, FinalGradeReason.Improved),
            // 新規相談受付件数 b 484 → 1,150 (5 wards × 12 months), T 1,200: not reached; +666 → B.
            ("III-1-K1", FinalGrade.B, 1150m, FinalGradeReason.Improved),
            // 見守り訪問件数 b 96 → 390, T 390: 390 ≥ 390 → A.
            ("III-1-K2", FinalGrade.A, 390m, FinalGradeReason.TargetReached),
            // 災害時要援護者の割合 b 24.2 → 41, T 50.0: not reached; +16.8 → B.
            ("III-2-K1", FinalGrade.B, 41m, FinalGradeReason.Improved),
            // 赤い羽根共同募金の団体数 b 1,375 → 1,361, T 1,555: not reached; −14 < 0 in an increase indicator → D.
            ("III-3-K1", FinalGrade.D, 1361m, FinalGradeReason.Worsened),
        ];
        Assert.Equal(expected.Select(e => e.Id), feed.Indicators.Select(i => i.Id));
        foreach (var (id, grade, value, reason) in expected)
        {
            var evaluation = feed.Indicators.Single(i => i.Id == id).FinalEvaluation!;
            Assert.Equal((id, grade, 2023, value, reason), (id, evaluation.Grade, evaluation.FiscalYear!.Value, evaluation.Value, evaluation.Reason));
        }

        // Per basic policy: I has I-1-K1, I-1-K2, I-2-K1 (3 × B); II has II-1-K1 B, II-1-K2 E, II-2-K1 B;
        // III has III-1-K1 B, III-1-K2 A, III-2-K1 B, III-3-K1 D.
        Assert.Equal(["A0 B3 C0 D0 E0", "A0 B2 C0 D0 E1", "A1 B2 C0 D1 E0"],
            feed.BasicPolicies.Select(b => string.Join(' ', b.FinalGradeCounts!.Select(c => $"{c.Key}{c.Value}"))));

        // progress.csv: the grade, its fiscal year and reason on each city row of the indicator, blank on ward rows.
        var csv = await container.GetBlobClient(BlobFeedStore.Path(PlanId.Parse("kumamoto-welfare-4"), FeedPaths.CsvName)).DownloadContentAsync();
        var lines = Encoding.UTF8.GetString(csv.Value.Content.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal(["final_grade", "final_grade_fiscal_year", "final_grade_reason"], header[^3..]);
        var rows = lines[1..].Select(l => l.Split(',')).Where(r => r[Array.IndexOf(header, "area_type")] == "city").ToList();
        foreach (var (id, grade, _, reason) in expected)
        {
            Assert.All(rows.Where(r => r[Array.IndexOf(header, "indicator_id")] == id),
                r => Assert.Equal($"{grade},2023,{PipelineJsonName(reason)}", string.Join(',', r[^3..])));
        }

        Assert.All(lines[1..].Select(l => l.Split(',')).Where(r => r[Array.IndexOf(header, "area_type")] == "ward"),
            r => Assert.Equal(",,", string.Join(',', r[^3..])));
    }

    private static string PipelineJsonName(FinalGradeReason reason) => Pipeline.Domain.Json.PipelineJson.Name(reason);
}

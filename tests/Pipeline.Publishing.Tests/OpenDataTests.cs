using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Testing;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Rollup;
using Pipeline.Domain.Uploads;
using Pipeline.Publishing;
using Pipeline.Publishing.Document;
using Pipeline.Publishing.Formats;

namespace Pipeline.Publishing.Tests;

/// <summary>Provenance, revisions, attribution and the files open-data users read, checked by their own tools.</summary>
public sealed class OpenDataTests : IDisposable
{
    private static readonly DateTimeOffset T = new(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _published = new("published-feed-");

    public void Dispose() => _published.Dispose();

    [Fact]
    public async Task Every_published_file_reads_right_in_the_clients_people_use()
    {
        var files = FeedFiles.Create(FeedFilesTests.SampleFeed());
        await PublishedFeedChecks.AssertAsync(_published, PublishedFeedChecks.ByName(files));
    }

    [Fact]
    public void Each_value_names_its_department_and_uploads_and_a_correction_is_one_revision()
    {
        var feed = FeedFilesTests.SampleFeed();
        var corrected = feed.Indicators.Single(i => i.Id == "I-1-K2").Actuals.Single(a => a.FiscalYear == 2023);
        Assert.Equal(350m, corrected.Value);
        Assert.Equal("shakyo", corrected.Source!.DepartmentId);
        Assert.Equal(["v"], corrected.Source.UploadIds);
        Assert.Equal([T.AddDays(20)], corrected.Source.ReceivedAt);
        var revision = Assert.Single(corrected.Revisions!);
        Assert.Equal(new FeedRevision("431001", null, 340, 350, "u", "v", T, T.AddDays(20), "shakyo"), revision);

        // III-3-K1 FY2023 was sent again unchanged by the later upload: it now stands on it, and it is no revision.
        var confirmed = feed.Indicators.Single(i => i.Id == "III-3-K1").Actuals.Single();
        Assert.Equal(["v"], confirmed.Source!.UploadIds);
        Assert.Empty(confirmed.Revisions!);

        var lines = Encoding.UTF8.GetString(RevisionsCsv.Write(feed)[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["plan_id,indicator_id,fiscal_year,area_code,month,previous_value,value,previous_upload_id,upload_id,previous_received_at,received_at,department_id,previous_flag,flag,after_confirmation",
            "kumamoto-welfare-4,I-1-K2,2023,431001,,340,350,u,v,2024-05-01T00:00:00Z,2024-05-21T00:00:00Z,shakyo,,,false"], lines);
        Assert.DoesNotContain("file-", Encoding.UTF8.GetString(FeedFiles.Json(feed)), StringComparison.Ordinal);
    }

    [Fact]
    public void Revisions_follow_the_supersession_order_confirmations_and_unaccepted_uploads_add_nothing()
    {
        StoredObservation Row(string upload, int day, decimal value, int? month = null) =>
            new("III-1-K1", new FiscalYear(2023), "431010", month, value, null, null, UploadId.Parse(upload), T.AddDays(day));

        // Processed in any order: c (day 3) changes b's value, b (day 2) only confirms a's; d was never accepted (a duplicate).
        StoredObservation[] rows = [Row("c", 3, 6), Row("a", 1, 5), Row("d", 4, 9), Row("b", 2, 5), Row("a", 1, 10, month: 4), Row("c", 3, 12, month: 4)];
        var revisions = RevisionHistory.Of(rows, AcceptedUploads.Of("a", "b", "c"));
        Assert.Equal([("b", "c", 5m, 6m, (int?)null), ("a", "c", 10m, 12m, 4)],
            revisions.Select(r => (r.Previous.UploadId.Value, r.Current.UploadId.Value, r.Previous.Value, r.Current.Value, r.Current.Month)));
        Assert.Empty(RevisionHistory.Of(rows, AcceptedUploads.Of("a", "b")));
    }

    [Fact]
    public void The_attribution_follows_the_government_standard_terms_with_both_publishers_and_the_dataset_url()
    {
        var plan = BuiltInPlans.Default;
        var license = FeedAttribution.For(plan, "https://example.blob.core.windows.net/opendata/feeds/v1/kumamoto-welfare-4/");
        Assert.Equal(("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/"), (license.Id, license.Url));
        Assert.Equal("政府標準利用規約（第2.0版）", license.Terms.Ja);
        Assert.Equal(["熊本市", "熊本市社会福祉協議会"], license.Publishers.Select(p => p.Ja));
        Assert.Equal("出典：熊本市・熊本市社会福祉協議会「第4次熊本市地域福祉計画・地域福祉活動計画 進捗状況」（https://example.blob.core.windows.net/opendata/feeds/v1/kumamoto-welfare-4/）", license.SourceLine.Ja);
        Assert.EndsWith("を加工して作成", license.DerivedUse.Ja, StringComparison.Ordinal);
        Assert.Contains("あたかも熊本市・熊本市社会福祉協議会が作成したかのような態様で公表・利用してはいけません", license.EditedData.Ja, StringComparison.Ordinal);
        Assert.Contains("CC BY 4.0", license.Compatibility.Ja, StringComparison.Ordinal);
        Assert.Contains(license.SourceLine.Ja, license.Attribution.Ja, StringComparison.Ordinal);
    }

    [Fact]
    public void The_licence_and_dataset_url_are_plan_file_settings_checked_by_the_loader()
    {
        var pdl = Load(new JsonObject { ["license"] = "PDL-1.0", ["datasetUrl"] = "https://data.example.jp/dataset/welfare" });
        Assert.Equal(new OpenDataTerms("PDL-1.0", "https://data.example.jp/dataset/welfare"), pdl.OpenData);
        var license = FeedAttribution.For(pdl, "https://ignored.example/");
        Assert.Equal(("PDL-1.0", "公共データ利用規約（第1.0版）", "https://data.example.jp/dataset/welfare"), (license.Id, license.Terms.Ja, license.DatasetUrl));
        Assert.Contains("CC BY 4.0", license.Compatibility.Ja, StringComparison.Ordinal);
        Assert.Equal(["テスト市"], license.Publishers.Select(p => p.Ja));

        var error = Assert.Throws<PlanDefinitionException>(() => Load(new JsonObject { ["license"] = "MIT", ["datasetUrl"] = "ftp:/x" }));
        Assert.Equal(["$.openData.license", "$.openData.datasetUrl"], error.Problems.Select(p => p.Path));
        Assert.Equal(OpenDataTerms.Default, BuiltInPlans.Default.OpenData);
    }

    private static Plan Load(JsonObject openData)
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Plans", "two-indicator-test-plan.json")))!.AsObject();
        file["openData"] = openData;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(file.ToJsonString()));
        return PlanDefinitionLoader.Load(stream, "two-indicator-test-plan.json");
    }
}

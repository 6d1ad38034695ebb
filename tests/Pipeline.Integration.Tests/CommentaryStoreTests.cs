using Pipeline.Application.Ports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Commentary;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Uploads;
using Pipeline.Testing;

namespace Pipeline.Integration.Tests;

/// <summary>
/// The commentary store and the flag and note of a value, on Azurite (RULES.md §13): kept under the upload that brought
/// them, read back exactly (markup stays text), one plan's rows never another's, and the latest accepted entry stands.
/// </summary>
public sealed class CommentaryStoreTests : IDisposable
{
    private readonly TestPipeline _pipeline = new(Azurite.Instance);

    public void Dispose() => _pipeline.Dispose();

    [Fact]
    public async Task Commentary_is_kept_per_upload_read_back_exactly_and_the_latest_accepted_entry_stands()
    {
        var plan = _pipeline.Get<Plan>();
        var other = PlanDefinitionLoader.Load(
            File.OpenRead(Path.Combine(RepositoryRoot.Find(), "samples", "plans", "kumamoto-welfare-5.json")), "sample");
        var store = _pipeline.Get<ICommentaryStore>();
        var t0 = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var first = Upload(plan, "u1", t0);
        var second = Upload(plan, "u2", t0.AddDays(3));
        await store.StageAsync(plan, first, [Entry("I-1-K1", 2023, "<script>alert(1)</script>充足率は横ばい", en: null)],
            CancellationToken.None);
        await store.StageAsync(plan, second, [Entry("I-1-K1", 2023, "欠員の地区が減った", en: "Fewer districts lack members")],
            CancellationToken.None);
        await store.StageAsync(other, Upload(other, "u3", t0), [Entry("I-1-K1", 2025, "別の計画", en: null)],
            CancellationToken.None);

        var stored = new List<StoredCommentary>();
        await foreach (var c in store.CommentaryAsync(plan, CancellationToken.None))
        {
            stored.Add(c);
        }

        Assert.Equal(["u1", "u2"], stored.Select(c => c.UploadId.Value).Order(StringComparer.Ordinal));
        var fromFirst = stored.Single(c => c.UploadId.Value == "u1").Commentary;
        Assert.Equal("<script>alert(1)</script>充足率は横ばい", fromFirst.Assessment!.Ja);
        Assert.Null(fromFirst.Assessment.En);
        Assert.Equal("課題 2023", fromFirst.Issues!.Ja);
        Assert.Null(fromFirst.NextSteps);
        Assert.Equal("kenko-fukushi-seisaku", stored[0].DepartmentId);

        var onlyFirst = CommentaryHistory.Current(stored, new CommittedUploads([first])).Single();
        Assert.Equal("u1", onlyFirst.UploadId.Value);
        var both = CommentaryHistory.Current(stored, new CommittedUploads([first, second])).Single();
        Assert.Equal("Fewer districts lack members", both.Commentary.Assessment!.En);
        Assert.Empty(CommentaryHistory.Current(stored, new CommittedUploads([])));
    }

    [Fact]
    public async Task A_values_flag_and_note_are_stored_with_it_and_read_back()
    {
        var plan = _pipeline.Get<Plan>();
        var store = _pipeline.Get<IObservationStore>();
        var upload = Upload(plan, "u1", new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var at = new SourceLocation("Sheet1", 2, 3);
        await store.StageAsync(plan, upload,
        [
            new Observation("I-1-K1", new FiscalYear(2023), "431001", null, 95.5m, null, null, "=1+1 速報", at, ValueFlag.Provisional),
            new Observation("I-1-K1", new FiscalYear(2022), "431001", null, 95.0m, null, null, null, at),
        ], [], CancellationToken.None);

        var read = new List<StoredObservation>();
        await foreach (var o in store.ObservationsAsync(plan, CancellationToken.None))
        {
            read.Add(o);
        }

        var flagged = read.Single(o => o.FiscalYear.Value == 2023);
        Assert.Equal(ValueFlag.Provisional, flagged.Flag);
        Assert.Equal("=1+1 速報", flagged.Note);
        var plain = read.Single(o => o.FiscalYear.Value == 2022);
        Assert.Null(plain.Flag);
        Assert.Null(plain.Note);
    }

    private static UploadRecord Upload(Plan plan, string id, DateTimeOffset receivedAt) =>
        new(plan.Id, UploadDepartment.Named("kenko-fukushi-seisaku"), UploadId.Parse(id), $"{plan.Id}/kenko-fukushi-seisaku/{id}.csv", null, receivedAt, receivedAt,
            UploadStatus.Accepted, 1, 0, 0, 0, Version: "\"0x1\"");

    private static IndicatorCommentary Entry(string indicator, int fy, string assessment, string? en) =>
        new(indicator, new FiscalYear(fy), new LocalizedText(assessment, en), new LocalizedText($"課題 {fy}"), null);
}

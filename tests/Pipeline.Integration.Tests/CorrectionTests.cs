using System.Globalization;
using Pipeline.Infrastructure.Storage;
using Pipeline.Testing;
using Pipeline.Domain.Uploads;

namespace Pipeline.Integration.Tests;

/// <summary>
/// Issue 22, RULES.md §2: the upload received last wins, through the blob trigger on Azurite, when a blob is
/// written again under its name by a plain blob client (as Storage Explorer, azcopy or the portal before issue 22
/// did). Without blob versioning (Azurite) storage gives a version's time to the second, so the writes here are
/// a second apart, as a person's are.
/// </summary>
public sealed class CorrectionTests : IDisposable
{
    private const string Header = "指標ID,年度,実績値\n";

    private readonly TestPipeline _pipeline = new(Azurite.Instance);

    public void Dispose() => _pipeline.Dispose();

    /// <summary>Past the current second: the next write has a later last-modified time.</summary>
    private static Task NextSecondAsync() => Task.Delay(1100);

    private static byte[] Csv(params (string Indicator, int FiscalYear, int Value)[] rows) => Uploads.Csv(Header
        + string.Concat(rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Indicator},{r.FiscalYear},{r.Value}")
            + "\n")));

    private async Task<decimal> ValueAsync(string indicator, int fiscalYear) =>
        (await Uploads.CurrentObservationsAsync(_pipeline))
            .Single(o => o.IndicatorId == indicator && o.FiscalYear.Value == fiscalYear && o.Month is null).Value;

    [Fact]
    public async Task A_same_name_re_upload_with_a_corrected_value_wins_every_time()
    {
        // Twenty corrections, each of its own value (four of shakyo's indicators × five fiscal years): the file, then
        // the corrected file under the same name. Before issue 22 the overwrite kept the name's creation time and a
        // hash of the content decided between the two, so each round was a coin flip (twenty in a row: 1 in 10^6).
        var keys = new[] { "I-1-K2", "I-2-K1", "II-2-K1", "III-3-K1" }
            .SelectMany(i => Enumerable.Range(2020, 5).Select(fy => (i, fy))).ToArray();
        var blobs = new List<Azure.Storage.Blobs.BlobClient>();
        for (var round = 0; round < keys.Length; round++)
        {
            var file = Csv((keys[round].i, keys[round].fy, 100 + round));
            var blob = await Uploads.PutAsync(_pipeline, $"shakyo/実績_{round}.csv", file);
            Assert.Equal(UploadStatus.Accepted, (await Uploads.DeliverAsync(_pipeline, blob)).Status);
            blobs.Add(blob);
        }

        await NextSecondAsync();
        for (var round = 0; round < keys.Length; round++)
        {
            var file = Csv((keys[round].i, keys[round].fy, 500 + round));
            var corrected = await Uploads.PutAsync(_pipeline, blobs[round].Name, file);
            Assert.Equal(UploadStatus.Accepted, (await Uploads.DeliverAsync(_pipeline, corrected)).Status);
        }

        for (var round = 0; round < keys.Length; round++)
        {
            Assert.Equal(500 + round, await ValueAsync(keys[round].i, keys[round].fy));
        }

        // Every version is an upload of its own: forty in the ledger, every value kept in the history.
        var ledger = await Uploads.RowsAsync(_pipeline, StorageNames.UploadsTable);
        Assert.Equal(2 * keys.Length, ledger.Count(r => r.GetString("Kind") == "upload"));
        Assert.Equal(2 * keys.Length, (await Uploads.RowsAsync(_pipeline, StorageNames.ObservationsTable)).Count);
    }

    [Fact]
    public async Task An_unrelated_upload_received_between_the_two_does_not_beat_the_correction()
    {
        var blob = await Uploads.IngestAsync(_pipeline, "shakyo/実績.csv",
            Csv(("I-1-K2", 2021, 150), ("I-2-K1", 2021, 30)));
        Assert.Equal(UploadStatus.Accepted, blob.Status);
        await NextSecondAsync();
        // Another file of the department, received after it, that also gives I-1-K2 FY2021.
        var unrelated = await Uploads.IngestAsync(_pipeline, "shakyo/まとめ.csv",
            Csv(("I-1-K2", 2021, 170), ("II-2-K1", 2021, 40)));
        Assert.Equal(UploadStatus.Accepted, unrelated.Status);
        await NextSecondAsync();
        var corrected = await Uploads.IngestAsync(_pipeline, "shakyo/実績.csv",
            Csv(("I-1-K2", 2021, 180), ("I-2-K1", 2021, 30)));
        Assert.Equal(UploadStatus.Accepted, corrected.Status);
        Assert.NotEqual(blob.UploadId, corrected.UploadId);

        Assert.Equal(180m, await ValueAsync("I-1-K2", 2021)); // received last: the correction
        Assert.Equal(40m, await ValueAsync("II-2-K1", 2021));
    }

    [Fact]
    public async Task A_then_B_then_A_again_under_one_name_ends_with_As_values()
    {
        var a = Csv(("I-1-K2", 2021, 180), ("I-2-K1", 2021, 35));
        var b = Csv(("I-1-K2", 2021, 200), ("I-2-K1", 2021, 36));
        var first = await Uploads.IngestAsync(_pipeline, "shakyo/実績.csv", a);
        await NextSecondAsync();
        Assert.Equal(UploadStatus.Accepted, (await Uploads.IngestAsync(_pipeline, "shakyo/実績.csv", b)).Status);
        await NextSecondAsync();
        var again = await Uploads.IngestAsync(_pipeline, "shakyo/実績.csv", a);

        // A again is not a repeat of what stands (B): it is a new upload, and it wins again.
        Assert.Equal(UploadStatus.Accepted, again.Status);
        Assert.NotEqual(first.UploadId, again.UploadId);
        Assert.Equal((180m, 35m), (await ValueAsync("I-1-K2", 2021), await ValueAsync("I-2-K1", 2021)));
    }

    [Fact]
    public async Task A_then_B_then_A_again_under_two_names_ends_with_As_values()
    {
        byte[] a = Csv(("I-1-K2", 2021, 180)), b = Csv(("I-1-K2", 2021, 200));
        Assert.Equal(UploadStatus.Accepted, (await Uploads.IngestAsync(_pipeline, "shakyo/a.csv", a)).Status);
        await NextSecondAsync();
        Assert.Equal(UploadStatus.Accepted, (await Uploads.IngestAsync(_pipeline, "shakyo/b.csv", b)).Status);
        await NextSecondAsync();
        Assert.Equal(UploadStatus.Accepted, (await Uploads.IngestAsync(_pipeline, "shakyo/a のコピー.csv", a)).Status);
        Assert.Equal(180m, await ValueAsync("I-1-K2", 2021));
    }

    [Fact]
    public async Task An_overwrite_by_a_plain_blob_client_is_a_new_upload_ordered_last()
    {
        // An upload stored by the portal in its own folder, then another of the department's files, then someone
        // overwrites the first blob with Storage Explorer: a new upload, received last, however old its folder is.
        const string stored = "shakyo/20260401T0312450000000Z-0a1b2c/実績.csv";
        var portal = await Uploads.IngestAsync(_pipeline, stored, Csv(("I-1-K2", 2021, 150)));
        await NextSecondAsync();
        var other = await Uploads.IngestAsync(_pipeline, "shakyo/まとめ.csv", Csv(("I-1-K2", 2021, 170)));
        Assert.Equal(UploadStatus.Accepted, other.Status);
        await NextSecondAsync();
        var overwrite = await Uploads.IngestAsync(_pipeline, stored, Csv(("I-1-K2", 2021, 190)));

        Assert.Equal((UploadStatus.Accepted, UploadStatus.Accepted), (portal.Status, overwrite.Status));
        Assert.NotEqual(portal.UploadId, overwrite.UploadId);
        Assert.Equal(190m, await ValueAsync("I-1-K2", 2021));
        var ledger = await Uploads.RowsAsync(_pipeline, StorageNames.UploadsTable);
        Assert.Equal(2, ledger.Count(r => r.GetString("Kind") == "upload" && r.GetString("BlobName") == stored));
    }
}

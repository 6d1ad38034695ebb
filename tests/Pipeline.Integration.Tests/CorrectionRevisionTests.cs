using Pipeline.Domain.Catalogue;
using System.Globalization;
using System.Text;
using Pipeline.Infrastructure.Storage;
using Pipeline.Publishing;
using Pipeline.Publishing.Document;
using Pipeline.Testing;

namespace Pipeline.Integration.Tests;

/// <summary>
/// Issue 22, RULES.md §8 on Azurite: a same-name correction (the blob written again by a plain blob client, a second
/// later) is published as a revision with both upload ids, in <c>revisions.csv</c> and the feed's provenance.
/// </summary>
public sealed class CorrectionRevisionTests : IDisposable
{
    private readonly TestPipeline _pipeline = new(Azurite.Instance);

    public void Dispose() => _pipeline.Dispose();

    private static byte[] Csv(string indicator, int fiscalYear, int value) => Uploads.Csv(string.Create(
        CultureInfo.InvariantCulture, $"指標ID,年度,実績値\n{indicator},{fiscalYear},{value}\n"));

    private async Task<byte[]> PublishedAsync(string name)
    {
        var container = await _pipeline.Storage.ContainerAsync(StorageNames.OpenDataContainer, CancellationToken.None);
        var path = BlobFeedStore.Path(PlanId.Parse("kumamoto-welfare-4"), name);
        return (await container.GetBlobClient(path).DownloadContentAsync()).Value.Content.ToArray();
    }

    [Fact]
    public async Task A_same_name_correction_is_a_revision_with_both_upload_ids_in_revisions_csv_and_the_feed()
    {
        // Six corrections, each of its own indicator / fiscal year: before issue 22 each tied with its original on the
        // name's creation time and a hash decided (1 in 64 that all six came out right by chance).
        var keys = new[] { ("I-1-K2", 2021), ("I-2-K1", 2021), ("II-2-K1", 2021), ("III-3-K1", 2021),
            ("I-1-K2", 2022), ("I-2-K1", 2022) };
        var originals = new List<(Azure.Storage.Blobs.BlobClient Blob, string Id)>();
        for (var i = 0; i < keys.Length; i++)
        {
            var (indicator, fiscalYear) = keys[i];
            var blob = await Uploads.PutAsync(_pipeline, $"shakyo/実績_{i}.csv", Csv(indicator, fiscalYear, 100 + i));
            originals.Add((blob, $"{(await Uploads.DeliverAsync(_pipeline, blob)).UploadId}"));
        }

        await Task.Delay(1100); // storage's last-modified time has one-second resolution without blob versioning
        var corrections = new List<string>();
        for (var i = 0; i < keys.Length; i++)
        {
            var (indicator, fiscalYear) = keys[i];
            var blob = await Uploads.PutAsync(_pipeline, originals[i].Blob.Name, Csv(indicator, fiscalYear, 500 + i));
            corrections.Add($"{(await Uploads.DeliverAsync(_pipeline, blob)).UploadId}");
        }

        Assert.NotEmpty(await Nightly.RunAsync(_pipeline));

        // revisions.csv: plan_id, indicator_id, fiscal_year, area_code, month, previous_value, value,
        // previous_upload_id, upload_id, previous_received_at, received_at, department_id.
        var lines = Encoding.UTF8.GetString(await PublishedAsync(FeedPaths.RevisionsName)).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var rows = lines.Skip(1).Select(l => l.Split(','))
            .Select(c => (c[1], int.Parse(c[2], CultureInfo.InvariantCulture), c[5], c[6], c[7], c[8], c[11]))
            .ToHashSet();
        var expected = keys.Select((k, i) => (k.Item1, k.Item2, (100 + i).ToString(CultureInfo.InvariantCulture),
            (500 + i).ToString(CultureInfo.InvariantCulture), originals[i].Id, corrections[i], "shakyo")).ToHashSet();
        Assert.Equal(expected, rows);
        Assert.Equal(keys.Length, lines.Length - 1);

        // The feed: the corrected value, from the correction, with the same revision.
        var feed = FeedFiles.ReadJson(await PublishedAsync(FeedPaths.JsonName));
        for (var i = 0; i < keys.Length; i++)
        {
            var actual = feed.Indicators.Single(x => x.Id == keys[i].Item1).Actuals
                .Single(a => a.FiscalYear == keys[i].Item2);
            Assert.Equal((decimal?)(500 + i), actual.Value);
            Assert.Equal(corrections[i], actual.Source!.UploadIds[^1]);
            var revision = Assert.Single(actual.Revisions!);
            Assert.Equal((originals[i].Id, corrections[i]), (revision.PreviousUploadId, revision.UploadId));
        }
    }
}

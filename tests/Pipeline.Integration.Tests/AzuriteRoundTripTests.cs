using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Pipeline.Testing;

namespace Pipeline.Integration.Tests;

public sealed class AzuriteRoundTripTests
{
    [Fact]
    public async Task Tables_and_blobs_round_trip_through_the_real_sdk_clients()
    {
        var azurite = Azurite.Instance;
        var prefix = Azurite.NewPrefix();
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(prefix + "roundtrip");
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Value"] = "95.1", ["名前"] = "熊本" });
        var entity = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        Assert.Equal("95.1", entity.GetString("Value"));

        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(prefix + "-roundtrip");
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient("a/b.txt").UploadAsync(BinaryData.FromString("地域福祉"));
        var content = (await container.GetBlobClient("a/b.txt").DownloadContentAsync()).Value.Content.ToString();
        Assert.Equal("地域福祉", content);
    }
}

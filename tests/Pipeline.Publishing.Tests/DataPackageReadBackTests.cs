using System.Text.Json.Nodes;
using Pipeline.Publishing.Document;
using Pipeline.Testing;

namespace Pipeline.Publishing.Tests;

/// <summary>
/// datapackage.json read back by Node.js (Clients/read_datapackage.mjs): every resource's declared encoding must be
/// a label of the WHATWG Encoding Standard, which frictionless' JavaScript library and browsers use ("utf-8-sig",
/// declared before issue 23 item 12, is none), and its bytes must decode with it.
/// </summary>
public sealed class DataPackageReadBackTests : IDisposable
{
    private readonly TempFolder _folder = new("datapackage-");

    /// <inheritdoc />
    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Every_resource_decodes_with_the_encoding_the_package_declares()
    {
        foreach (var file in FeedFiles.Create(FeedFilesTests.SampleFeed()))
        {
            var path = Path.Combine(_folder.Path, file.Name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, file.Content);
        }

        var read = await RealClients.NodeScriptAsync("read_datapackage.mjs", _folder.Path);
        Assert.Empty(read.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        var csv = read.GetProperty("resources").EnumerateArray()
            .Single(r => r.GetProperty("path").GetString() == FeedPaths.CsvName);
        Assert.Equal("utf-8", csv.GetProperty("encoding").GetString());
        Assert.StartsWith("全国地方公共団体コード,", csv.GetProperty("header").GetString(), StringComparison.Ordinal);

        // The same reader refuses the label that was declared before: the check really reads the encoding.
        var package = Path.Combine(_folder.Path, FeedPaths.DataPackageName);
        var descriptor = JsonNode.Parse(await File.ReadAllTextAsync(package))!;
        foreach (var resource in descriptor["resources"]!.AsArray().Where(r => r!["encoding"] is not null))
        {
            resource!["encoding"] = "utf-8-sig";
        }

        await File.WriteAllTextAsync(package, descriptor.ToJsonString());
        var refused = await RealClients.NodeScriptAsync("read_datapackage.mjs", _folder.Path);
        Assert.Contains(refused.GetProperty("errors").EnumerateArray(),
            e => e.GetString()!.Contains("unknown encoding \"utf-8-sig\"", StringComparison.Ordinal));
    }
}

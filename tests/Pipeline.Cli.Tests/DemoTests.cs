namespace Pipeline.Cli.Tests;

public sealed class DemoTests
{
    [Fact]
    public async Task The_demo_starts_its_own_azurite_ingests_the_samples_publishes_and_prints_the_table()
    {
        var outDir = Directory.CreateTempSubdirectory("demo-out-");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PipelineCommand.RunAsync(["demo", "--out", outDir.FullName], output, error);
        var text = output.ToString();
        Assert.True(exit == 0, text + error);
        Assert.Contains("Starting Azurite", text, StringComparison.Ordinal);
        Assert.Equal(5, text.Split('\n').Count(l => l.Contains("受理 accepted", StringComparison.Ordinal)));
        Assert.Contains("308 observations from 5 accepted uploads; feed published", text, StringComparison.Ordinal);
        Assert.Contains("指標 indicator", text, StringComparison.Ordinal);
        Assert.Contains("III-1-K2", text, StringComparison.Ordinal);
        Assert.Contains("100.0%", text, StringComparison.Ordinal);
        Assert.Contains("達成 achieved", text, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir.FullName, "feeds", "v1", "kumamoto-welfare-4", "index.html")));
        Assert.True(File.Exists(Path.Combine(outDir.FullName, "feeds", "v1", "kumamoto-welfare-4", "progress.json")));
    }
}

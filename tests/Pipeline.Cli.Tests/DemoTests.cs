using Pipeline.Testing;

namespace Pipeline.Cli.Tests;

public sealed class DemoTests : IDisposable
{
    // The demo's --out folder; the demo (and the Azurite it starts) has ended when the test ends.
    private readonly TempFolder _out = new("demo-out-");

    public void Dispose() => _out.Dispose();

    [Fact]
    public async Task The_demo_starts_its_own_azurite_ingests_the_samples_publishes_and_prints_the_table()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        // As on a day of FY2026 after October (the sample's months), whatever the real date: tamana-health-3
        // (FY2024–FY2029) is active until 30 June 2030, kumamoto-welfare-4 (FY2020–FY2024) closed since 1 July 2025.
        var exit = await PipelineCommand.RunAsync(["demo", "--out", _out.Path, "--as-of", "2026-12-01"], output, error);
        var text = output.ToString();
        Assert.True(exit == 0, text + error);
        Assert.Contains("Starting Azurite", text, StringComparison.Ordinal);
        // Every sample plan: the default plan's five files and tamana-health-3's three accepted; kumamoto-welfare-5 is
        // reviewed, so its one file waits for the secretariat; each table printed.
        Assert.Equal(8, text.Split('\n').Count(l => l.Contains("受理 accepted", StringComparison.Ordinal)));
        Assert.Matches(@"\] kumamoto-welfare-5/kenko-fukushi-seisaku/\d{8}T\d{13}Z-[0-9a-f]{6}/R7_成果指標\.csv: 公開前", text);
        Assert.Matches(@"\] tamana-health-3/ishikai/\d{8}T\d{13}Z-[0-9a-f]{6}/在宅医療相談_取組評価_R7\.csv: 受理 accepted", text);
        Assert.Contains("== kumamoto-welfare-4 第4次熊本市地域福祉計画・地域福祉活動計画 FY2020–FY2024 (closed) ==", text, StringComparison.Ordinal);
        Assert.Contains("== tamana-health-3 玉名市 健康づくり・地域医療連携計画（第3次）【サンプル：数値は架空】 FY2024–FY2029 (active) ==",
            text, StringComparison.Ordinal);
        Assert.Contains("308 observations from 5 accepted uploads; feed published", text, StringComparison.Ordinal);
        Assert.Contains("41 observations from 3 accepted uploads; feed published", text, StringComparison.Ordinal);
        Assert.Contains("FY2026 7か月 months: 480件", text, StringComparison.Ordinal);
        Assert.Contains("== kumamoto-welfare-5 第5次熊本市地域福祉計画（抜粋のサンプル：指標・数値は架空） FY2025–FY2029 (active) ==",
            text, StringComparison.Ordinal);
        Assert.Contains("index of 3 plan(s) published", text, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_out.Path, "feeds", "v1", "tamana-health-3", "index.html")));
        Assert.True(File.Exists(Path.Combine(_out.Path, "feeds", "v1", "index.json")));
        Assert.True(File.Exists(Path.Combine(_out.Path, "index.html")));
        Assert.Contains("指標 indicator", text, StringComparison.Ordinal);
        Assert.Contains("III-1-K2", text, StringComparison.Ordinal);
        Assert.Contains("100.0%", text, StringComparison.Ordinal);
        Assert.Contains("達成 achieved", text, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_out.Path, "feeds", "v1", "kumamoto-welfare-4", "index.html")));
        Assert.True(File.Exists(Path.Combine(_out.Path, "feeds", "v1", "kumamoto-welfare-4", "progress.json")));
    }
}

using System.Diagnostics;
using System.Text;
using Pipeline.Development;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.Cli.Tests;

/// <summary>Issue 15, failures that explain themselves: one or two lines, what failed and what to do; unknown options are usage errors.</summary>
public sealed class CliFailureTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempFolder _temp = new("pipeline-cli-");

    public void Dispose() => _temp.Dispose();

    private static (Cli Cli, int Port) Unreachable()
    {
        var cli = new Cli();
        var port = LoopbackPort.Free(); // nothing listens there once the probe is closed
        cli.Settings["AzureWebJobsStorage"] = AzuriteProcess.ConnectionStringFor(port, port, port);
        return (cli, port);
    }

    [Fact]
    public async Task Storage_unreachable_is_two_lines_naming_the_endpoint_and_Azurite_with_exit_1()
    {
        var (cli, port) = Unreachable();
        var file = Cli.TempFile(_temp, "a.csv", Encoding.UTF8.GetBytes("指標ID,年度,実績値\nI-1-K2,2021,180\n"));
        var clock = Stopwatch.StartNew();
        var (exit, _, error) = await cli.RunAsync("ingest", "-d", "shakyo", file);
        clock.Stop();
        log.WriteLine($"refused connection reported in {clock.Elapsed.TotalSeconds:0.0} s:\n{error}");

        Assert.Equal(1, exit);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(lines.Length, 1, 2);
        Assert.Contains($"127.0.0.1:{port}", error, StringComparison.Ordinal);
        Assert.Contains("is Azurite running? `npx azurite` or set AzureWebJobsStorage", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}"); // the issue's bound; measured about a second
    }

    [Fact]
    public async Task Storage_unreachable_with_verbose_also_prints_the_stack_trace()
    {
        var (cli, _) = Unreachable();
        var (exit, _, error) = await cli.RunAsync("aggregate", "--verbose");
        Assert.Equal(1, exit);
        Assert.Contains("is Azurite running?", error, StringComparison.Ordinal);
        Assert.Contains("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ingest", "--year", "2023", "-d", "shakyo", "a.csv")]
    [InlineData("validate", "-d", "shakyo", "--strict", "a.csv")]
    [InlineData("replay", "--force", "shakyo/a.csv")]
    public async Task An_unknown_option_is_a_usage_error_with_exit_2(params string[] args)
    {
        var (exit, output, error) = await new Cli().RunAsync(args);
        Assert.Equal(2, exit);
        Assert.Contains($"'{args.First(a => a is "--year" or "--strict" or "--force")}'", error, StringComparison.Ordinal);
        Assert.Contains("usage: pipeline", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task A_department_that_is_no_department_id_is_a_usage_error_before_anything_is_stored()
    {
        // Storage is unreachable: storing the file would fail with exit 1; the department is refused first.
        var (cli, _) = Unreachable();
        var file = Cli.TempFile(_temp, "a.csv", Encoding.UTF8.GetBytes("指標ID,年度,実績値\nI-1-K2,2021,180\n"));
        var (exit, output, error) = await cli.RunAsync("ingest", "-d", "Shakyo", file);
        Assert.Equal(2, exit);
        Assert.Contains("unknown department 'Shakyo' (known: ", error, StringComparison.Ordinal);
        Assert.Contains("usage: pipeline", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }
}

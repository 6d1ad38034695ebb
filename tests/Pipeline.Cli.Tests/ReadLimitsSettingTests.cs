using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Pipeline.Hosting;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Cli.Tests;

/// <summary>
/// Section <c>Pipeline:ReadLimits</c> reaches <c>pipeline validate</c> and the host. Settings are bound by the
/// configuration binder's source generator (what a Native AOT build needs), which sets no <c>init</c> property:
/// the read limits, immutable, were silently left at their defaults until they were read key by key.
/// </summary>
public sealed class ReadLimitsSettingTests
{
    [Fact]
    public async Task Validate_refuses_a_file_past_a_row_limit_lowered_in_the_settings()
    {
        var cli = new Cli();
        var file = Cli.Sample("jutaku-seisaku/mimamori_visits.csv");
        var (exit, output, _) = await cli.RunAsync("validate", "--department", "jutaku-seisaku", file);
        Assert.Equal(0, exit);

        cli.Settings["Pipeline:ReadLimits:MaxRows"] = "2";
        (exit, output, _) = await cli.RunAsync("validate", "--department", "jutaku-seisaku", file);
        Assert.Equal(1, exit);
        Assert.Contains("too_many_rows", output, StringComparison.Ordinal);
        Assert.Contains("行数が上限（2 行）を超えています。", output, StringComparison.Ordinal);
        Assert.Contains("The file has more than 2 rows; split it into several files.", output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Every_read_limit_is_taken_from_its_setting()
    {
        var limits = typeof(ReadLimits).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToList();
        Assert.NotEmpty(limits);
        // Each setting one more than its default: a limit left at its default is told apart.
        var settings = limits.ToDictionary(
            p => $"Pipeline:ReadLimits:{p.Name}",
            p => (string?)(Convert.ToInt64(p.GetValue(ReadLimits.Default), CultureInfo.InvariantCulture) + 1)
                .ToString(CultureInfo.InvariantCulture));
        var read = PipelineHostExtensions.ReadLimitsOf(
            new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        foreach (var limit in limits)
        {
            Assert.Equal(
                Convert.ToInt64(limit.GetValue(ReadLimits.Default), CultureInfo.InvariantCulture) + 1,
                Convert.ToInt64(limit.GetValue(read), CultureInfo.InvariantCulture));
        }
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Hosting;
using Pipeline.Infrastructure.Storage;

namespace Pipeline.Integration.Tests;

/// <summary>
/// Issue 15, defect 6: outside Development a missing or half-given storage setting stops start-up with
/// one message naming what is missing, instead of falling back to Azurite.
/// </summary>
public sealed class StorageSettingsTests
{
    private static IHostApplicationBuilder Builder(string environment, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }

    [Fact]
    public void Missing_identity_settings_outside_Development_stop_start_up_naming_the_setting()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Builder("Production", []).AddPipeline());
        Assert.Contains("AzureWebJobsStorage", e.Message, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__blobServiceUri", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Half_given_identity_settings_outside_Development_stop_start_up_naming_only_what_is_missing()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Builder("Production", new()
        {
            ["AzureWebJobsStorage:blobServiceUri"] = "https://example.blob.core.windows.net",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://example.queue.core.windows.net",
        }).AddPipeline());
        Assert.Contains("AzureWebJobsStorage__tableServiceUri is missing", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AzureWebJobsStorage__blobServiceUri and", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Complete_identity_settings_start_and_use_the_given_endpoints()
    {
        var builder = Builder("Production", new()
        {
            ["AzureWebJobsStorage:blobServiceUri"] = "https://example.blob.core.windows.net",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://example.queue.core.windows.net",
            ["AzureWebJobsStorage:tableServiceUri"] = "https://example.table.core.windows.net",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
        });
        builder.AddPipeline();
        using var host = ((HostApplicationBuilder)builder).Build();
        var storage = host.Services.GetRequiredService<StorageAccount>();
        Assert.Equal("example", storage.AccountName);
    }

    [Fact]
    public void In_Development_a_missing_setting_means_Azurite()
    {
        var builder = Builder("Development", []);
        builder.AddPipeline();
        using var host = ((HostApplicationBuilder)builder).Build();
        Assert.Equal("devstoreaccount1", host.Services.GetRequiredService<StorageAccount>().AccountName);
    }
}

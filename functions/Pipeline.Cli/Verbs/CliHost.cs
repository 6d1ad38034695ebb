using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Hosting;

namespace Pipeline.Cli.Verbs;

/// <summary>
/// The pipeline composed as the Functions host composes it (AddPipeline), for the command line:
/// settings from the environment (AzureWebJobsStorage, Pipeline__PlansPath, Pipeline__DefaultPlanId …), warnings logged
/// to stderr.
/// </summary>
internal static class CliHost
{
    /// <summary>The host; <paramref name="clock"/> (<c>--as-of</c>) replaces the system clock where given.</summary>
    public static IHost Build(IDictionary<string, string?>? overrides = null, TimeProvider? clock = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        AddSettings(builder.Configuration, overrides);
        if (string.IsNullOrWhiteSpace(builder.Configuration[PipelineHostExtensions.StorageSetting])
            && builder.Configuration.GetSection(PipelineHostExtensions.StorageSetting)["blobServiceUri"] is null)
        {
            builder.Configuration[PipelineHostExtensions.StorageSetting] = "UseDevelopmentStorage=true";
        }

        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o =>
            o.LogToStandardErrorThreshold = LogLevel.Trace);
        // A person is waiting: a refused connection is reported in about a second, not after six retries.
        builder.Services.AddSingleton(WithShortRetries(new TableClientOptions()));
        builder.Services.AddSingleton(WithShortRetries(new BlobClientOptions()));
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.AddPipeline();
        return builder.Build();
    }

    /// <summary>The settings alone, as the host reads them, for a verb that needs no host (<c>validate</c>).</summary>
    public static IConfiguration Settings(IDictionary<string, string?>? overrides) =>
        AddSettings(new ConfigurationBuilder(), overrides).Build();

    /// <summary>The environment, then <paramref name="overrides"/> (tests use them).</summary>
    private static T AddSettings<T>(T configuration, IDictionary<string, string?>? overrides)
        where T : IConfigurationBuilder
    {
        configuration.AddEnvironmentVariables();
        configuration.AddInMemoryCollection(overrides ?? new Dictionary<string, string?>());
        return configuration;
    }

    private static T WithShortRetries<T>(T options) where T : Azure.Core.ClientOptions
    {
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return options;
    }

    public static T Get<T>(this IHost host) where T : notnull => host.Services.GetRequiredService<T>();
}

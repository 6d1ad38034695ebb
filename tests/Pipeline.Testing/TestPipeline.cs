using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Hosting;
using Pipeline.Infrastructure.Storage;

namespace Pipeline.Testing;

/// <summary>
/// The pipeline composed exactly as the Functions host composes it (AddPipeline), on Azurite, with a
/// storage prefix of its own and a fake clock.
/// </summary>
public sealed class TestPipeline : IDisposable
{
    private readonly IHost _host;
    private readonly string _connection;

    public TestPipeline(Pipeline.Development.AzuriteProcess azurite, Action<IHostApplicationBuilder>? configure = null, IDictionary<string, string?>? settings = null)
    {
        Prefix = Azurite.NewPrefix();
        _connection = azurite.ConnectionString;
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 17, 0, 0, TimeSpan.Zero));
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var values = new Dictionary<string, string?>
        {
            [PipelineHostExtensions.StorageSetting] = azurite.ConnectionString,
            ["Pipeline:StoragePrefix"] = Prefix,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddSingleton<TimeProvider>(Clock);
        configure?.Invoke(builder);
        builder.AddPipeline();
        _host = builder.Build();
    }

    public string Prefix { get; }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _host.Services;

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public StorageAccount Storage => Get<StorageAccount>();

    /// <summary>Stops the host and deletes this pipeline's tables and containers.</summary>
    public void Dispose()
    {
        _host.Dispose();
        DeleteStorage();
    }

    /// <summary>
    /// Azurite keeps everything in memory on one thread and slows as it fills: a test's tables and containers
    /// (named with its prefix) are deleted when it is done, so a run of hundreds of pipelines stays fast.
    /// </summary>
    private void DeleteStorage()
    {
        var tables = new TableServiceClient(_connection);
        foreach (var table in tables.Query(TableServiceClient.CreateQueryFilter($"TableName ge {Prefix} and TableName lt {Prefix + "~"}")).ToList())
        {
            tables.DeleteTable(table.Name);
        }

        var blobs = new BlobServiceClient(_connection);
        foreach (var container in blobs.GetBlobContainers(prefix: Prefix + "-").ToList())
        {
            blobs.DeleteBlobContainer(container.Name);
        }
    }
}

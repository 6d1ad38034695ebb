using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Pipeline.Infrastructure.Storage;

/// <summary>
/// The storage account the pipeline writes: its table and blob clients, and each table or container
/// created once on first use (a failed creation is tried again next time, not remembered).
/// </summary>
/// <remarks>
/// A <paramref name="prefix"/> (letters and digits) keeps several deployments, or tests, apart in one
/// account: tables become <c>{prefix}uploads</c>, containers <c>{prefix}-uploads</c>.
/// </remarks>
public sealed class StorageAccount(TableServiceClient tables, BlobServiceClient blobs, int writeParallelism = 4,
    string prefix = "")
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<BlobContainerClient>>> _containers =
        new(StringComparer.Ordinal);

    /// <summary>Transactions submitted at once when staging an upload.</summary>
    public int WriteParallelism => writeParallelism;

    /// <summary>The storage account's name (<c>devstoreaccount1</c> for Azurite).</summary>
    public string AccountName => blobs.AccountName;

    /// <summary>The endpoints used, for messages that say what could not be reached.</summary>
    public IReadOnlyList<Uri> Endpoints => [blobs.Uri, tables.Uri];

    /// <summary>The prefix that keeps this deployment's tables and containers apart.</summary>
    public string Prefix => prefix;

    public string TableName(string name) => prefix + name;

    public string ContainerName(string name) => prefix.Length == 0 ? name : $"{prefix}-{name}";

    /// <summary>A container of this deployment that the pipeline reads but never creates (the plans container,
    /// say).</summary>
    public BlobContainerClient ExistingContainer(string name) => blobs.GetBlobContainerClient(ContainerName(name));

    // Azure.Data.Tables makes each TableEntity it reads with Activator.CreateInstance<T>() (ToTableEntity<T>): its
    // constructor is kept for the native build of pipeline, which would otherwise trim it (MissingMethodException).
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor, typeof(TableEntity))]
    public Task<TableClient> TableAsync(string name, CancellationToken cancellationToken) =>
        Once(_tables, name, async () =>
        {
            var client = tables.GetTableClient(TableName(name));
            try
            {
                // Not CreateIfNotExistsAsync: Azure.Data.Tables 12.13 writes that request's body with reflection-based
                // JSON (RequestContent.Create(object)), which a Native AOT build of pipeline refuses at run time.
                await client.CreateAsync(cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // The table is there already: any 409, as CreateIfNotExistsAsync took it.
            }

            return client;
        });

    public Task<BlobContainerClient> ContainerAsync(string name, CancellationToken cancellationToken) =>
        Once(_containers, name, async () =>
        {
            var client = blobs.GetBlobContainerClient(ContainerName(name));
            // Only the open-data container is public, and for reading blobs only (never listing).
            var access = name == StorageNames.OpenDataContainer ? PublicAccessType.Blob : PublicAccessType.None;
            await client.CreateIfNotExistsAsync(access, cancellationToken: cancellationToken);
            return client;
        });

    private static async Task<T> Once<T>(ConcurrentDictionary<string, Lazy<Task<T>>> cache, string name,
        Func<Task<T>> create)
    {
        var lazy = cache.GetOrAdd(name, _ => new Lazy<Task<T>>(create));
        try
        {
            return await lazy.Value;
        }
        catch
        {
            cache.TryRemove(new KeyValuePair<string, Lazy<Task<T>>>(name, lazy));
            throw;
        }
    }
}

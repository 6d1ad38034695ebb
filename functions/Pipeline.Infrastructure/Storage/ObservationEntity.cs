using Azure;
using Azure.Data.Tables;

namespace Pipeline.Infrastructure.Storage;

/// <summary>
/// A table entity built for writing: its properties (keys included, under the names <see cref="TableEntity"/> uses)
/// in one dictionary of the right size, filled once. The SDK serialises an entity that is a dictionary as it
/// serialises a <see cref="TableEntity"/>, property by property; this one is not copied into a second dictionary on
/// the way (issue 27: building the entities was a third of reading a 100,000-row CSV).
/// </summary>
internal sealed class ObservationEntity(int capacity) : Dictionary<string, object>(capacity, StringComparer.Ordinal),
    ITableEntity
{
    public string PartitionKey
    {
        get => (string)this[nameof(PartitionKey)];
        set => this[nameof(PartitionKey)] = value;
    }

    public string RowKey
    {
        get => (string)this[nameof(RowKey)];
        set => this[nameof(RowKey)] = value;
    }

    public DateTimeOffset? Timestamp
    {
        get => TryGetValue(nameof(Timestamp), out var value) ? (DateTimeOffset?)value : null;
        set => this[nameof(Timestamp)] = value!;
    }

    public ETag ETag
    {
        get => TryGetValue("odata.etag", out var value) && value is string tag ? new ETag(tag) : default;
        set => this["odata.etag"] = value.ToString();
    }
}

using Pipeline.Domain.Catalogue;
using System.Text.Json;
using Azure.Data.Tables;
using Pipeline.Application.Ports;
using Pipeline.Application.Publication;
using Pipeline.Domain.Json;
using Pipeline.Publishing.Document;

namespace Pipeline.Infrastructure.Storage;

/// <summary>
/// The <c>planpublications</c> table (see <see cref="TableKeys"/>): PK <c>plans</c>, RK the plan id; the
/// inputs, content hash, latest upload seen and index entry of each plan's last computation.
/// </summary>
public sealed class TablePublicationRecords(StorageAccount storage) : IPublicationRecords
{
    private const string Partition = "plans";

    public async Task<PublicationRecord?> FindAsync(PlanId planId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageNames.PlanPublicationsTable, cancellationToken);
        var entity =
            await table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.Join(planId.Value),
                cancellationToken: cancellationToken);
        return entity.HasValue && entity.Value!.GetString("ContentHash") is not null ? ToRecord(entity.Value) : null;
    }

    public async Task<IReadOnlyList<PublicationRecord>> AllAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageNames.PlanPublicationsTable, cancellationToken);
        var records = new List<PublicationRecord>();
        await foreach (
            var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"),
                cancellationToken: cancellationToken))
        {
            if (entity.GetString("ContentHash") is not null)
            {
                records.Add(ToRecord(entity));
            }
        }

        return records;
    }

    public async Task SaveAsync(PublicationRecord record, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageNames.PlanPublicationsTable, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(Partition, TableKeys.Join(record.PlanId))
        {
            ["PlanId"] = record.PlanId,
            ["DefinitionHash"] = record.Inputs.DefinitionHash,
            ["CodeVersion"] = record.Inputs.CodeVersion,
            ["LedgerStamp"] = record.Inputs.LedgerStamp,
            ["Calendar"] = record.Inputs.Dates?.Text,
            ["ContentHash"] = record.ContentHash,
            ["ComputedAt"] = record.ComputedAt,
            ["LatestUploadId"] = record.LatestUploadId,
            ["LatestAcceptedAt"] = record.LatestAcceptedAt,
            ["IndexEntry"] = JsonSerializer.Serialize(record.IndexEntry, FeedJson.TypeInfo<PlanIndexEntry>()),
            ["LastFailure"] = record.LastFailure,
            ["FailedAt"] = record.FailedAt,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <remarks>A merge: the inputs of the last computation stay (a plan never computed gets a row with the note
    /// only).</remarks>
    public async Task RecordFailureAsync(PlanId planId, string reason, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageNames.PlanPublicationsTable, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(Partition, TableKeys.Join(planId.Value))
        {
            ["PlanId"] = planId.Value,
            ["LastFailure"] = reason,
            ["FailedAt"] = at,
        }, TableUpdateMode.Merge, cancellationToken);
    }

    private static PublicationRecord ToRecord(TableEntity e) => new(
        e.GetString("PlanId"),
        new PlanInputs(e.GetString("DefinitionHash"), e.GetString("CodeVersion"), e.GetString("LedgerStamp"),
            FeedDates.Parse(e.GetString("Calendar"))),
        e.GetString("ContentHash"),
        e.GetDateTimeOffset("ComputedAt") ?? default,
        e.GetString("LatestUploadId"),
        e.GetDateTimeOffset("LatestAcceptedAt"),
        JsonSerializer.Deserialize(e.GetString("IndexEntry"), FeedJson.TypeInfo<PlanIndexEntry>())
            ?? throw new JsonException($"The publication record of {e.RowKey} has no index entry."),
        e.GetString("LastFailure"),
        e.GetDateTimeOffset("FailedAt"));
}

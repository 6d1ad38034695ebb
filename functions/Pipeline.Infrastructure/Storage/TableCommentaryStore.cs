using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Pipeline.Application.Ports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Commentary;
using Pipeline.Domain.Uploads;

namespace Pipeline.Infrastructure.Storage;

/// <summary>
/// Commentary in Table Storage (see <see cref="TableKeys"/>): one row per indicator, fiscal year and upload, each part
/// in Japanese and English columns; the row carries its upload's id, department and received time.
/// </summary>
public sealed class TableCommentaryStore(StorageAccount storage) : ICommentaryStore
{
    public async Task StageAsync(
        Plan plan, UploadRecord upload, IReadOnlyList<IndicatorCommentary> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var table = await storage.TableAsync(StorageNames.CommentaryTable, cancellationToken);
        var entities = entries.Select(e => ToEntity(plan, upload, e));
        await TableBatches.UpsertAsync(table, entities, storage.WriteParallelism, cancellationToken);
    }

    public async IAsyncEnumerable<StoredCommentary> CommentaryAsync(
        Plan plan, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageNames.CommentaryTable, cancellationToken);
        var (from, to) = TableKeys.PlanRange(plan.Id.Value);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var commentary = new IndicatorCommentary(
                e.GetString("IndicatorId"), new FiscalYear(e.GetInt32("FiscalYear") ?? 0),
                Text(e, "Assessment"), Text(e, "Issues"), Text(e, "NextSteps"));
            var receivedAt = e.GetDateTimeOffset("ReceivedAt") ?? e.GetDateTimeOffset("BlobCreatedOn") ?? default;
            var uploadId = UploadId.Parse(e.GetString("UploadId"));
            yield return new StoredCommentary(commentary, uploadId, e.GetString("DepartmentId"), receivedAt);
        }
    }

    private static TableEntity ToEntity(Plan plan, UploadRecord upload, IndicatorCommentary c)
    {
        var entity = new TableEntity(
            TableKeys.CommentaryPartition(plan.Id.Value, c.IndicatorId),
            TableKeys.CommentaryRow(c.FiscalYear, upload.UploadId.Value))
        {
            ["IndicatorId"] = c.IndicatorId,
            ["FiscalYear"] = c.FiscalYear.Value,
            ["UploadId"] = upload.UploadId.Value,
            ["DepartmentId"] = upload.Department.ToString(),
            ["ReceivedAt"] = upload.ReceivedAt,
        };
        var parts = new[] { ("Assessment", c.Assessment), ("Issues", c.Issues), ("NextSteps", c.NextSteps) };
        foreach (var (name, text) in parts)
        {
            entity[name + "Ja"] = text?.Ja;
            entity[name + "En"] = text?.En;
        }

        return entity;
    }

    private static LocalizedText? Text(TableEntity e, string name) =>
        e.GetString(name + "Ja") is { } ja ? new LocalizedText(ja, e.GetString(name + "En")) : null;
}

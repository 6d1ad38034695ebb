using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Pipeline.Application.Ports;
using Pipeline.Domain.Review;
using Pipeline.Domain.Uploads;

namespace Pipeline.Infrastructure.Storage;

/// <summary>
/// <see cref="IReviewLedger"/> on the uploads table (see <see cref="TableKeys"/>): a held upload is its record with
/// status <c>PendingReview</c>; a decision replaces that record (conditional on its ETag) with the decided one and its
/// reviewer's columns (ReviewedAt, ReviewedById, ReviewedByName, ReviewComment), adds the audit row
/// (<see cref="AuditRows"/>) and, for an approval, moves the department's <c>accepted~latest</c> marker and claims the
/// content, all in the department's partition as one entity-group transaction.
/// </summary>
public sealed class TableReviewLedger(StorageAccount storage) : IReviewLedger
{
    private const string KindUpload = "upload";

    public async Task<UploadRecord> HoldAsync(UploadRecord record, CancellationToken cancellationToken)
    {
        var table = await Uploads(cancellationToken);
        var held = record with { Status = UploadStatus.PendingReview };
        try
        {
            await table.AddEntityAsync(TableUploadLedger.ToEntity(held), cancellationToken);
            return held;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Recorded before (a redelivery, or a report of a failed attempt): a failed or rejected record of the same
            // upload gives way to the held one; any other stands.
            var existing = (await table.GetEntityAsync<TableEntity>(
                TableKeys.UploadPartition(record.PlanId, record.DepartmentId), record.UploadId.ToString(),
                cancellationToken: cancellationToken)).Value;
            if (existing.GetString("Status") is nameof(UploadStatus.Failed) or nameof(UploadStatus.Rejected))
            {
                await table.UpdateEntityAsync(TableUploadLedger.ToEntity(held), existing.ETag, TableUpdateMode.Replace,
                    cancellationToken);
                return held;
            }

            return TableUploadLedger.ToRecord(existing);
        }
    }

    public async Task<IReadOnlyList<UploadRecord>> WaitingAsync(string planId, CancellationToken cancellationToken)
    {
        var (from, to) = TableKeys.PlanRange(planId);
        string pending = nameof(UploadStatus.PendingReview), returned = nameof(UploadStatus.Returned);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {from} and PartitionKey lt {to} and Kind eq {KindUpload}") + " and " +
            TableClient.CreateQueryFilter($"(Status eq {pending} or Status eq {returned})");
        var records = new List<UploadRecord>();
        await foreach (var e in QueryAsync(filter, cancellationToken))
        {
            records.Add(TableUploadLedger.ToRecord(e));
        }

        return records.OrderBy(r => (r.BlobCreatedOn, r.UploadId), Supersession.Order).ToList();
    }

    public async Task<UploadRecord?> FindAsync(string planId, string uploadId, CancellationToken cancellationToken)
    {
        var (from, to) = TableKeys.PlanRange(planId);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {from} and PartitionKey lt {to} and RowKey eq {uploadId} and Kind eq {KindUpload}");
        await foreach (var e in QueryAsync(filter, cancellationToken))
        {
            return TableUploadLedger.ToRecord(e);
        }

        return null;
    }

    public async Task<UploadRecord?> DecideAsync(
        UploadRecord held, ReviewDecision decision, ReviewAction action, CancellationToken cancellationToken)
    {
        var table = await Uploads(cancellationToken);
        var partition = TableKeys.UploadPartition(held.PlanId, held.DepartmentId);
        while (true)
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(
                partition, held.UploadId.ToString(), cancellationToken: cancellationToken);
            if (!current.HasValue || current.Value!.GetString("Status") != nameof(UploadStatus.PendingReview))
            {
                return null;
            }

            var decided = TableUploadLedger.ToRecord(current.Value) with
            {
                Status = decision == ReviewDecision.Approve ? UploadStatus.Accepted : UploadStatus.Returned,
            };
            var entity = TableUploadLedger.ToEntity(decided);
            entity["ReviewedAt"] = action.At;
            entity["ReviewedById"] = action.ActorId;
            entity["ReviewedByName"] = action.ActorName;
            entity["ReviewComment"] = action.Reason;
            List<TableTransactionAction> actions =
            [
                new(TableTransactionActionType.UpdateReplace, entity, current.Value.ETag),
                new(TableTransactionActionType.Add, AuditRows.ToEntity(partition, action)),
            ];
            if (decision == ReviewDecision.Approve)
            {
                // As a commit does: the rows become part of what is published, and the nightly decision sees it.
                actions.Add(new(TableTransactionActionType.UpsertReplace,
                    new TableEntity(partition, TableKeys.AcceptedMarkerRow)
                {
                    ["Kind"] = "accepted",
                    ["UploadId"] = decided.UploadId,
                    ["CommittedOn"] = action.At,
                }));
                actions.Add(new(TableTransactionActionType.UpsertReplace,
                    new TableEntity(partition, TableKeys.ContentMarkerRow(decided.Sha256))
                    {
                        ["Kind"] = "content",
                        ["UploadId"] = decided.UploadId,
                    }));
            }

            try
            {
                await TableBatches.SubmitAsync(table, actions, cancellationToken);
                return decided;
            }
            catch (TableTransactionFailedException e) when (e.Status == 412)
            {
                // Written by someone else since it was read: read it again and see whether it still waits.
            }
        }
    }

    public async Task<UploadReview?> ReviewOfAsync(UploadRecord record, CancellationToken cancellationToken)
    {
        var table = await Uploads(cancellationToken);
        var e = await table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.UploadPartition(record.PlanId, record.DepartmentId), record.UploadId.ToString(),
            cancellationToken: cancellationToken);
        return e.HasValue ? Review(record.PlanId, e.Value!) : null;
    }

    public async Task<IReadOnlyDictionary<string, UploadReview>> ReviewsAsync(
        string planId, CancellationToken cancellationToken)
    {
        var (from, to) = TableKeys.PlanRange(planId);
        string accepted = nameof(UploadStatus.Accepted), returned = nameof(UploadStatus.Returned);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {from} and PartitionKey lt {to} and Kind eq {KindUpload}") + " and " +
            TableClient.CreateQueryFilter($"(Status eq {accepted} or Status eq {returned})");
        var reviews = new Dictionary<string, UploadReview>(StringComparer.Ordinal);
        await foreach (var e in QueryAsync(filter, cancellationToken))
        {
            if (Review(planId, e) is { } review)
            {
                reviews[e.RowKey] = review;
            }
        }

        return reviews;
    }

    private static UploadReview? Review(string planId, TableEntity e) =>
        e.GetDateTimeOffset("ReviewedAt") is { } at
            ? new UploadReview(planId, e.GetString("DepartmentId"), e.RowKey,
                Enum.Parse<UploadStatus>(e.GetString("Status")), at, e.GetString("ReviewedById"),
                e.GetString("ReviewedByName"), e.GetString("ReviewComment"))
            : null;

    private async IAsyncEnumerable<TableEntity> QueryAsync(
        string filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await Uploads(cancellationToken);
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return e;
        }
    }

    private Task<TableClient> Uploads(CancellationToken cancellationToken) =>
        storage.TableAsync(StorageNames.UploadsTable, cancellationToken);
}

using Pipeline.Domain.Catalogue;
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
/// (<see cref="AuditRows"/>) and, for an approval, commits it as a commit does (accepted, or a duplicate of the upload
/// it repeats, RULES.md §2) and moves the department's <c>accepted~latest</c> marker, all in the department's
/// partition as one entity-group transaction.
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
                TableUploadLedger.PartitionOf(record), record.UploadId.ToString(),
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

    public async Task<IReadOnlyList<UploadRecord>> WaitingAsync(PlanId planId, CancellationToken cancellationToken)
    {
        var (from, to) = TableKeys.PlanRange(planId.Value);
        string pending = nameof(UploadStatus.PendingReview), returned = nameof(UploadStatus.Returned);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {from} and PartitionKey lt {to} and Kind eq {KindUpload}") + " and " +
            TableClient.CreateQueryFilter($"(Status eq {pending} or Status eq {returned})");
        var records = new List<UploadRecord>();
        await foreach (var e in QueryAsync(filter, cancellationToken))
        {
            records.Add(TableUploadLedger.ToRecord(e));
        }

        return records.OrderBy(r => r.Order).ToList();
    }

    public async Task<UploadRecord?> FindAsync(PlanId planId, UploadId uploadId, CancellationToken cancellationToken)
    {
        var (from, to) = TableKeys.PlanRange(planId.Value);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {from} and PartitionKey lt {to} and RowKey eq {uploadId.Value} and Kind eq {KindUpload}");
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
        var partition = TableUploadLedger.PartitionOf(held);
        while (true)
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(
                partition, held.UploadId.Value, cancellationToken: cancellationToken);
            if (!current.HasValue || current.Value!.GetString("Status") != nameof(UploadStatus.PendingReview))
            {
                return null;
            }

            var read = TableUploadLedger.ToRecord(current.Value);
            TableTransactionAction? mark = null;
            var decided = read with { Status = UploadStatus.Returned };
            if (decision == ReviewDecision.Approve)
            {
                // As a commit does (RULES.md §2): accepted, or a duplicate of the upload it repeats, with the
                // department's marker moved, so the rows become part of what is published and the nightly decision
                // sees it; ordered by when the upload was received, never by when it was approved.
                (decided, mark) = await TableUploadLedger.DecideCommitAsync(table, read, action.At, cancellationToken);
            }

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
            if (mark is not null)
            {
                actions.Add(mark);
            }

            try
            {
                await TableBatches.SubmitAsync(table, actions, cancellationToken);
                return decided;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // Written by someone else since it was read (the upload, or a commit of the department): read it again
                // and see whether it still waits.
            }
        }
    }

    public async Task<UploadReview?> ReviewOfAsync(UploadRecord record, CancellationToken cancellationToken)
    {
        var table = await Uploads(cancellationToken);
        var e = await table.GetEntityIfExistsAsync<TableEntity>(
            TableUploadLedger.PartitionOf(record), record.UploadId.ToString(),
            cancellationToken: cancellationToken);
        return e.HasValue ? Review(record.PlanId?.Value ?? "", e.Value!) : null;
    }

    public async Task<IReadOnlyDictionary<string, UploadReview>> ReviewsAsync(
        PlanId planId, CancellationToken cancellationToken)
    {
        var (from, to) = TableKeys.PlanRange(planId.Value);
        string accepted = nameof(UploadStatus.Accepted), returned = nameof(UploadStatus.Returned),
            duplicate = nameof(UploadStatus.Duplicate);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {from} and PartitionKey lt {to} and Kind eq {KindUpload}") + " and " +
            TableClient.CreateQueryFilter($"(Status eq {accepted} or Status eq {returned} or Status eq {duplicate})");
        var reviews = new Dictionary<string, UploadReview>(StringComparer.Ordinal);
        await foreach (var e in QueryAsync(filter, cancellationToken))
        {
            if (Review(planId.Value, e) is { } review)
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

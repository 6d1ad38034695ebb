using Azure;
using Azure.Data.Tables;

namespace Pipeline.Infrastructure.Storage;

/// <summary>
/// Writes entities in entity-group transactions of at most 100, one partition per transaction.
/// Azure rejects a transaction that mixes partition keys (Azurite does not), so this guards in code.
/// </summary>
public static class TableBatches
{
    public const int MaxActions = 100;

    /// <summary>Upserts entities, partition by partition, in transactions of up to 100.</summary>
    public static async Task UpsertAsync(TableClient table, IEnumerable<ITableEntity> entities, int parallelism,
        CancellationToken cancellationToken)
    {
        var batches = entities
            .GroupBy(e => e.PartitionKey, StringComparer.Ordinal)
            .SelectMany(g => g.Chunk(MaxActions))
            .Select(chunk => chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e))
                .ToList());
        await Parallel.ForEachAsync(batches,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (batch, ct) => await SubmitAsync(table, batch, ct));
    }

    /// <summary>
    /// Deletes entities as they were read (each with its ETag), partition by partition, in transactions of up
    /// to 100: a row written again since it was read is kept, a row already gone is fine. A transaction that
    /// meets either is done again one row at a time.
    /// </summary>
    /// <returns>How many rows were kept because they had been written again.</returns>
    public static async Task<int> DeleteUnchangedAsync(TableClient table, IEnumerable<ITableEntity> entities,
        int parallelism, CancellationToken cancellationToken)
    {
        var batches = entities
            .GroupBy(e => e.PartitionKey, StringComparer.Ordinal)
            .SelectMany(g => g.Chunk(MaxActions))
            .Select(chunk =>
                chunk.Select(e =>
                    new TableTransactionAction(TableTransactionActionType.Delete,
                        new TableEntity(e.PartitionKey, e.RowKey), e.ETag)).ToList());
        var kept = 0;
        await Parallel.ForEachAsync(batches,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (batch, ct) =>
            {
                try
                {
                    await SubmitAsync(table, batch, ct);
                }
                catch (TableTransactionFailedException e) when (e.Status is 404 or 412)
                {
                    // A row of the batch is gone already (a sweep retried after its answer was lost) or was
                    // written again since it was read: one by one, keeping what changed.
                    foreach (var action in batch)
                    {
                        try
                        {
                            // 404: not thrown
                            await table.DeleteEntityAsync(
                                action.Entity.PartitionKey, action.Entity.RowKey, action.ETag, ct);
                        }
                        catch (RequestFailedException changed) when (changed.Status == 412)
                        {
                            Interlocked.Increment(ref kept);
                        }
                    }
                }
            });
        return kept;
    }

    /// <summary>Submits one transaction after checking that it holds one partition and at most 100 actions.</summary>
    public static Task SubmitAsync(TableClient table, IReadOnlyList<TableTransactionAction> actions,
        CancellationToken cancellationToken)
    {
        Guard(actions);
        return table.SubmitTransactionAsync(actions, cancellationToken);
    }

    /// <summary>Throws where a transaction would be refused by Azure: empty, over 100 actions, or several
    /// partitions.</summary>
    public static void Guard(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count is 0 or > MaxActions)
        {
            throw new InvalidOperationException(
                $"A table transaction holds 1 to {MaxActions} actions, not {actions.Count}.");
        }

        var partition = actions[0].Entity.PartitionKey;
        foreach (var action in actions)
        {
            if (!string.Equals(action.Entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"A table transaction may not mix partitions ('{partition}' and '{action.Entity.PartitionKey}'); " +
                        $"Azure refuses it.");
            }
        }
    }
}

using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Catalogue;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ports;

namespace Pipeline.Infrastructure.Storage;

/// <summary>What one sweep did.</summary>
public sealed record SweepRun(int Uploads, int Rows);

/// <summary>
/// Deletes the staged rows of uploads that were rejected or failed more than a day ago (README,
/// Reliability): they were never visible and never will be. A few uploads a run (bounded, so a run
/// stays short); the ledger keeps its record of each, marked with when its rows were swept.
/// </summary>
public sealed partial class StagedRowSweeper(StorageAccount storage, PlanSet plans, TimeProvider clock, ILogger<StagedRowSweeper> logger, int uploadsPerRun = 10) : INightlyMaintenance
{
    /// <summary>How long a rejected or failed upload keeps its staged rows (an operator may look at them, or replay it).</summary>
    public static readonly TimeSpan MinimumAge = TimeSpan.FromDays(1);

    /// <summary>Uploads a query names at once: Azure allows 15 comparisons a filter, two go to the partition range.</summary>
    private const int UploadsPerQuery = 10;

    private const string SweptOn = "StagedRowsSweptOn";

    /// <inheritdoc />
    Task INightlyMaintenance.RunAsync(CancellationToken cancellationToken) => SweepAsync(cancellationToken);

    /// <summary>Sweeps the plans served, in order, until the run's budget of uploads is spent.</summary>
    public async Task<SweepRun> SweepAsync(CancellationToken cancellationToken)
    {
        var total = new SweepRun(0, 0);
        foreach (var plan in plans.Plans)
        {
            if (total.Uploads >= uploadsPerRun)
            {
                break;
            }

            var run = await SweepAsync(plan, uploadsPerRun - total.Uploads, cancellationToken);
            total = new SweepRun(total.Uploads + run.Uploads, total.Rows + run.Rows);
        }

        return total;
    }

    private async Task<SweepRun> SweepAsync(Plan plan, int budget, CancellationToken cancellationToken)
    {
        var uploadsTable = await storage.TableAsync(StorageNames.UploadsTable, cancellationToken);
        var (from, to) = TableKeys.PlanRange(plan.Id);
        var cutoff = clock.GetUtcNow() - MinimumAge;
        string kind = "upload", rejected = nameof(UploadStatus.Rejected), failed = nameof(UploadStatus.Failed);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {from} and PartitionKey lt {to} and Kind eq {kind} and ProcessedOn lt {cutoff} and (Status eq {rejected} or Status eq {failed})");
        var due = new List<TableEntity>();
        await foreach (var upload in uploadsTable.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (!upload.ContainsKey(SweptOn) && due.Count < budget)
            {
                due.Add(upload);
            }
        }

        var rows = 0;
        foreach (var chunk in due.Chunk(UploadsPerQuery))
        {
            var ids = string.Join(" or ", chunk.Select(u => TableClient.CreateQueryFilter($"UploadId eq {u.RowKey}")));
            var range = TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}");
            foreach (var name in new[] { StorageNames.ObservationsTable, StorageNames.EvaluationsTable })
            {
                var table = await storage.TableAsync(name, cancellationToken);
                var staged = new List<ITableEntity>();
                await foreach (var row in table.QueryAsync<TableEntity>($"{range} and ({ids})", select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
                {
                    staged.Add(row);
                }

                await TableBatches.DeleteAsync(table, staged, storage.WriteParallelism, cancellationToken);
                rows += staged.Count;
            }
        }

        foreach (var upload in due)
        {
            try
            {
                await uploadsTable.UpdateEntityAsync(new TableEntity(upload.PartitionKey, upload.RowKey) { [SweptOn] = clock.GetUtcNow() },
                    upload.ETag, TableUpdateMode.Merge, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Written again since we read it (a replay): the next run decides about it afresh.
                LogChanged(upload.GetString("BlobName"));
            }
        }

        LogSwept(plan.Id, due.Count, rows);
        return new SweepRun(due.Count, rows);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Swept the staged rows of {Uploads} rejected or failed uploads of {PlanId}: {Rows} rows deleted")]
    private partial void LogSwept(string planId, int uploads, int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload {BlobName} was recorded again while its staged rows were swept")]
    private partial void LogChanged(string blobName);
}

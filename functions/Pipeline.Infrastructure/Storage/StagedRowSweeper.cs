using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Pipeline.Application.Ports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Uploads;

namespace Pipeline.Infrastructure.Storage;

/// <summary>
/// Deletes the staged rows of uploads that were rejected or failed (or found a duplicate after staging by an
/// earlier version, which never committed a duplicate's rows) more than a day ago (docs/reliability.md): they were
/// never visible, and never will be unless the upload is replayed, whose rows are left alone. A few uploads a run
/// (bounded, so a run
/// stays short); the ledger keeps its record of each, marked with when its rows were swept.
/// </summary>
public sealed partial class StagedRowSweeper(StorageAccount storage, PlanSet plans, TimeProvider clock,
    ILogger<StagedRowSweeper> logger, int uploadsPerRun = 10) : INightlyMaintenance
{
    /// <summary>How long a rejected, failed or duplicate upload keeps its staged rows (an operator may look at them, or
    /// replay it).</summary>
    public static readonly TimeSpan MinimumAge = TimeSpan.FromDays(1);

    /// <summary>Uploads a query names at once: Azure allows 15 comparisons a filter, two go to the partition range, two
    /// to each upload.</summary>
    private const int UploadsPerQuery = 6;

    private const string SweptOn = "StagedRowsSweptOn";

    /// <summary>The tables an upload stages rows in.</summary>
    private static readonly string[] StagedTables =
        [StorageNames.ObservationsTable, StorageNames.EvaluationsTable, StorageNames.CommentaryTable];

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
        var (from, to) = TableKeys.PlanRange(plan.Id.Value);
        var cutoff = clock.GetUtcNow() - MinimumAge;
        string kind = "upload", rejected = nameof(UploadStatus.Rejected), failed = nameof(UploadStatus.Failed),
            duplicate = nameof(UploadStatus.Duplicate);
        var filter = TableClient.CreateQueryFilter(
                $"PartitionKey ge {from} and PartitionKey lt {to} and Kind eq {kind} and ProcessedOn lt {cutoff}")
            + " and " + TableClient.CreateQueryFilter(
                $"(Status eq {rejected} or Status eq {failed} or Status eq {duplicate})");
        var due = new List<TableEntity>();
        await foreach (var upload in uploadsTable.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            // A duplicate committed with its rows (it has the version it was read at) keeps them: they are part of the
            // history (RULES.md §2). A duplicate of an earlier version had its rows never committed.
            var committedDuplicate = upload.GetString("Status") == duplicate && upload.GetString("Version") is not null;
            if (!upload.ContainsKey(SweptOn) && !committedDuplicate && due.Count < budget)
            {
                due.Add(upload);
            }
        }

        var rows = 0;
        var kept = 0;
        foreach (var chunk in due.Chunk(UploadsPerQuery))
        {
            // Only rows written before the ledger recorded the upload's end (storage's own timestamps): a replay
            // of the upload writes its rows again after it has read that record, and those are never touched.
            var staged =
                string.Join(" or ",
                    chunk.Select(u =>
                        TableClient.CreateQueryFilter(
                            $"(UploadId eq {u.RowKey} and Timestamp lt {u.Timestamp!.Value})")));
            var range = TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}");
            foreach (var name in StagedTables)
            {
                var table = await storage.TableAsync(name, cancellationToken);
                var found = new List<ITableEntity>();
                await foreach (
                    var row in table.QueryAsync<TableEntity>($"{range} and ({staged})",
                        select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
                {
                    found.Add(row);
                }

                // Deleted as read (ETag): a row a replay writes again between this read and the delete stays.
                kept += await TableBatches.DeleteUnchangedAsync(table, found, storage.WriteParallelism,
                    cancellationToken);
                rows += found.Count;
            }
        }

        foreach (var upload in due)
        {
            try
            {
                await uploadsTable.UpdateEntityAsync(
                    new TableEntity(upload.PartitionKey, upload.RowKey) { [SweptOn] = clock.GetUtcNow() },
                    upload.ETag, TableUpdateMode.Merge, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Written again since we read it (a replay): the next run decides about it afresh.
                LogChanged(upload.GetString("BlobName"));
            }
        }

        LogSwept(plan.Id.Value, due.Count, rows - kept, kept);
        return new SweepRun(due.Count, rows - kept);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message =
            "Swept the staged rows of {Uploads} rejected, failed or duplicate uploads of {PlanId}: {Rows} rows " +
                "deleted, {Kept} kept (written again by a replay)")]
    private partial void LogSwept(string planId, int uploads, int rows, int kept);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Upload {BlobName} was recorded again while its staged rows were swept")]
    private partial void LogChanged(string blobName);
}

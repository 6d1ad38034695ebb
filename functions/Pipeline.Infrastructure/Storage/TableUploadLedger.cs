using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Pipeline.Application.Ports;
using Pipeline.Domain.Uploads;

namespace Pipeline.Infrastructure.Storage;

/// <summary>The uploads table (see <see cref="TableKeys"/>): one row per upload and one marker per accepted content.</summary>
public sealed class TableUploadLedger(StorageAccount storage) : IUploadLedger, IUploadHistory, IAcceptedUploadMarks
{
    private const string KindUpload = "upload";
    private const string KindContent = "content";
    private const string KindAccepted = "accepted";

    public async Task<UploadRecord?> FindAsync(string planId, string departmentId, string uploadId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageNames.UploadsTable, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.UploadPartition(planId, departmentId), uploadId, cancellationToken: cancellationToken);
        return response.HasValue ? ToRecord(response.Value!) : null;
    }

    public async Task<UploadRecord?> FindAcceptedContentAsync(string planId, string departmentId, string sha256, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageNames.UploadsTable, cancellationToken);
        var partition = TableKeys.UploadPartition(planId, departmentId);
        var marker = await table.GetEntityIfExistsAsync<TableEntity>(partition, TableKeys.ContentMarkerRow(sha256), cancellationToken: cancellationToken);
        if (!marker.HasValue || marker.Value!.GetString("UploadId") is not { } uploadId)
        {
            return null;
        }

        return await FindAsync(planId, departmentId, uploadId, cancellationToken);
    }

    /// <remarks>
    /// Read, then write only if nothing changed in between (ETag): a concurrent delivery that accepted
    /// the same upload is never overwritten by a rejected, duplicate or failed record, nor a duplicate by a failed one,
    /// nor an upload held for review or decided by the secretariat (RULES.md §14).
    /// </remarks>
    public async Task RecordAsync(UploadRecord record, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageNames.UploadsTable, cancellationToken);
        var entity = ToEntity(record);
        while (true)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken);
            try
            {
                if (!existing.HasValue)
                {
                    await table.AddEntityAsync(entity, cancellationToken);
                }
                else if (existing.Value!.GetString("Status") is not (nameof(UploadStatus.Accepted)
                         or nameof(UploadStatus.Duplicate) or nameof(UploadStatus.PendingReview)
                         or nameof(UploadStatus.Returned)))
                {
                    await table.UpdateEntityAsync(entity, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Someone wrote it between our read and our write: read again and decide again.
            }
        }
    }

    public async Task<bool> CommitAsync(UploadRecord record, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageNames.UploadsTable, cancellationToken);
        var partition = TableKeys.UploadPartition(record.PlanId, record.DepartmentId);
        var marker = new TableEntity(partition, TableKeys.ContentMarkerRow(record.Sha256))
        {
            ["Kind"] = KindContent,
            ["UploadId"] = record.UploadId,
        };
        try
        {
            await TableBatches.SubmitAsync(table,
            [
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(record)),
                new TableTransactionAction(TableTransactionActionType.Add, marker),
                // The department's "latest accepted" marker: the nightly decision reads these, never the uploads.
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, TableKeys.AcceptedMarkerRow)
                {
                    ["Kind"] = KindAccepted,
                    ["UploadId"] = record.UploadId,
                    ["CommittedOn"] = record.ProcessedOn,
                }),
            ], cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            // The content marker exists: some upload claimed this content first. If it is this very
            // upload (a retry after the commit landed but its answer was lost), the commit stands.
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, marker.RowKey, cancellationToken: cancellationToken);
            return existing.HasValue && existing.Value!.GetString("UploadId") == record.UploadId;
        }
    }

    public async IAsyncEnumerable<UploadRecord> AcceptedAsync(string planId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageNames.UploadsTable, cancellationToken);
        var (from, to) = TableKeys.PlanRange(planId);
        var accepted = nameof(UploadStatus.Accepted);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to} and Kind eq {KindUpload} and Status eq {accepted}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return ToRecord(entity);
        }
    }

    /// <remarks>
    /// One query over the plan's own ledger partitions for the one RowKey of the markers (an exact RowKey in
    /// each partition: a seek, not a scan of its uploads); the stamp joins every department's marker, so any
    /// commit changes it. A plan whose uploads predate the markers has none: its first computation is
    /// decided by the absence of its publication record.
    /// </remarks>
    public async Task<LedgerMark> LatestAcceptedAsync(string planId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageNames.UploadsTable, cancellationToken);
        var (from, to) = TableKeys.PlanRange(planId);
        var marker = TableKeys.AcceptedMarkerRow;
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to} and RowKey eq {marker}");
        var marks = new List<(string Partition, string UploadId, DateTimeOffset CommittedOn)>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["UploadId", "CommittedOn"], cancellationToken: cancellationToken))
        {
            marks.Add((entity.PartitionKey, entity.GetString("UploadId"), entity.GetDateTimeOffset("CommittedOn") ?? default));
        }

        if (marks.Count == 0)
        {
            return LedgerMark.None;
        }

        var text = string.Join('\n', marks.OrderBy(m => m.Partition, StringComparer.Ordinal)
            .Select(m => $"{m.Partition}={m.UploadId}@{m.CommittedOn.ToString("O", System.Globalization.CultureInfo.InvariantCulture)}"));
        var latest = marks.MaxBy(m => (m.CommittedOn, m.UploadId));
        return new LedgerMark(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))),
            latest.UploadId, latest.CommittedOn);
    }

    /// <remarks>One partition read (the department's); upload ids begin with the blob's creation time, so the newest sort last.</remarks>
    public async Task<IReadOnlyList<UploadRecord>> RecentAsync(string planId, string departmentId, int limit, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageNames.UploadsTable, cancellationToken);
        var partition = TableKeys.UploadPartition(planId, departmentId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Kind eq {KindUpload}");
        var records = new List<UploadRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            records.Add(ToRecord(entity));
        }

        return records.OrderByDescending(r => r.BlobCreatedOn).ThenByDescending(r => r.UploadId, StringComparer.Ordinal).Take(limit).ToArray();
    }

    internal static TableEntity ToEntity(UploadRecord r) => new(TableKeys.UploadPartition(r.PlanId, r.DepartmentId), r.UploadId)
    {
        ["Kind"] = KindUpload,
        ["PlanId"] = r.PlanId,
        ["DepartmentId"] = r.DepartmentId,
        ["BlobName"] = r.BlobName,
        ["Sha256"] = r.Sha256,
        ["BlobCreatedOn"] = r.BlobCreatedOn,
        ["ProcessedOn"] = r.ProcessedOn,
        ["Status"] = r.Status.ToString(),
        ["Observations"] = r.Observations,
        ["Evaluations"] = r.Evaluations,
        ["Errors"] = r.Errors,
        ["Warnings"] = r.Warnings,
        ["DuplicateOf"] = r.DuplicateOf,
        ["Reason"] = r.Reason,
        ["UploadedBy"] = r.UploadedBy,
    };

    internal static UploadRecord ToRecord(TableEntity e) => new(
        e.GetString("PlanId"), e.GetString("DepartmentId"), e.RowKey, e.GetString("BlobName"), e.GetString("Sha256") ?? "",
        e.GetDateTimeOffset("BlobCreatedOn") ?? default, e.GetDateTimeOffset("ProcessedOn") ?? default,
        Enum.Parse<UploadStatus>(e.GetString("Status")), e.GetInt32("Observations") ?? 0, e.GetInt32("Evaluations") ?? 0,
        e.GetInt32("Errors") ?? 0, e.GetInt32("Warnings") ?? 0, e.GetString("DuplicateOf"), e.GetString("Reason"), e.GetString("UploadedBy"));
}

using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Pipeline.Application.Ports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Uploads;

namespace Pipeline.Infrastructure.Storage;

/// <summary>
/// The uploads table (see <see cref="TableKeys"/>): one row per upload, and per department one <c>accepted~latest</c>
/// marker that every commit writes in its transaction. Rows of earlier versions (blob creation time, no version,
/// <c>content~{sha256}</c> markers) are read as they are; the content markers are no longer written or read.
/// </summary>
public sealed class TableUploadLedger(StorageAccount storage) : IUploadLedger, IUploadHistory, IAcceptedUploadMarks
{
    private const string KindUpload = "upload";
    private const string KindAccepted = "accepted";

    /// <summary>The statuses of a committed upload (a duplicate of an earlier version is left out as read).</summary>
    private static readonly string CommittedStatus = TableClient.CreateQueryFilter(
        $"(Status eq {nameof(UploadStatus.Accepted)} or Status eq {nameof(UploadStatus.Duplicate)})");

    public async Task<UploadRecord?> FindAsync(
        PlanId planId, DepartmentId departmentId, UploadId uploadId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageNames.UploadsTable, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.UploadPartition(planId.Value, departmentId.Value), uploadId.Value,
            cancellationToken: cancellationToken);
        return response.HasValue ? ToRecord(response.Value!) : null;
    }

    /// <remarks>
    /// Read, then write only if nothing changed in between (ETag): a concurrent delivery that committed the same
    /// upload is never overwritten by a rejected or failed record, nor an upload held for review or decided by the
    /// secretariat (RULES.md §14).
    /// </remarks>
    public async Task RecordAsync(UploadRecord record, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageNames.UploadsTable, cancellationToken);
        var entity = ToEntity(record);
        while (true)
        {
            var existing =
                await table.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey,
                    cancellationToken: cancellationToken);
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
                    await table.UpdateEntityAsync(entity, existing.Value.ETag, TableUpdateMode.Replace,
                        cancellationToken);
                }

                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Someone wrote it between our read and our write: read again and decide again.
            }
        }
    }

    /// <remarks>
    /// The upload's own row and the department's marker are read, then the department's committed uploads; the
    /// decision (<see cref="Supersession.Repeated"/>) is written with the marker in one entity-group transaction
    /// conditional on both as read (an insert where absent, the ETag where present). A commit or record of the same
    /// department in between fails it (409 or 412), and it reads and decides again.
    /// </remarks>
    public async Task<UploadRecord> CommitAsync(UploadRecord record, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageNames.UploadsTable, cancellationToken);
        var partition = PartitionOf(record);
        while (true)
        {
            var own = await table.GetEntityIfExistsAsync<TableEntity>(
                partition, record.UploadId.Value, cancellationToken: cancellationToken);
            if (own.HasValue && ToRecord(own.Value!) is { Committed: true } committed)
            {
                // A retry after the commit landed but its answer was lost: the commit stands.
                return committed;
            }

            var (decided, mark) = await DecideCommitAsync(table, record, record.ProcessedOn, cancellationToken);
            try
            {
                await TableBatches.SubmitAsync(table,
                [
                    own.HasValue ? Replace(ToEntity(decided), own.Value!.ETag) : Add(ToEntity(decided)),
                    mark,
                ], cancellationToken);
                return decided;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // Another commit (or a record of this upload) came in between: read again and decide again.
            }
        }
    }

    /// <summary>
    /// What committing <paramref name="record"/> decides as things stand (RULES.md §2): accepted, or a duplicate of
    /// the upload it repeats among the department's committed uploads (<see cref="Supersession.Repeated"/>); and the
    /// write of the department's <c>accepted~latest</c> marker conditional on the marker as read before the decision
    /// (an insert where absent, its ETag where present), to go in the same transaction as the decided record, so that
    /// a commit of the department in between fails it. An approval by the secretariat commits through this too.
    /// </summary>
    internal static async Task<(UploadRecord Decided, TableTransactionAction Mark)> DecideCommitAsync(
        TableClient table, UploadRecord record, DateTimeOffset committedOn, CancellationToken cancellationToken)
    {
        var partition = PartitionOf(record);
        var marker = await table.GetEntityIfExistsAsync<TableEntity>(
            partition, TableKeys.AcceptedMarkerRow, cancellationToken: cancellationToken);
        var department = new List<UploadRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Kind eq {KindUpload}")
            + " and " + CommittedStatus;
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            department.Add(ToRecord(entity));
        }

        var decided = Supersession.Repeated(record, department) is { } repeated
            ? record with { Status = UploadStatus.Duplicate, DuplicateOf = repeated.UploadId }
            : record with { Status = UploadStatus.Accepted, DuplicateOf = null };
        // The department's "latest commit" marker: the nightly decision reads these, never the uploads.
        var mark = new TableEntity(partition, TableKeys.AcceptedMarkerRow)
        {
            ["Kind"] = KindAccepted,
            ["UploadId"] = record.UploadId.Value,
            ["CommittedOn"] = committedOn,
        };
        return (decided, marker.HasValue ? Replace(mark, marker.Value!.ETag) : Add(mark));
    }

    public async IAsyncEnumerable<UploadRecord> CommittedAsync(
        PlanId planId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageNames.UploadsTable, cancellationToken);
        var (from, to) = TableKeys.PlanRange(planId.Value);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {from} and PartitionKey lt {to} and Kind eq {KindUpload}") + " and " + CommittedStatus;
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (ToRecord(entity) is { Committed: true } record)
            {
                yield return record;
            }
        }
    }

    /// <remarks>
    /// One query over the plan's own ledger partitions for the one RowKey of the markers (an exact RowKey in
    /// each partition: a seek, not a scan of its uploads); the stamp joins every department's marker, so any
    /// commit changes it. A plan whose uploads predate the markers has none: its first computation is
    /// decided by the absence of its publication record.
    /// </remarks>
    public async Task<LedgerMark> LatestAcceptedAsync(PlanId planId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageNames.UploadsTable, cancellationToken);
        var (from, to) = TableKeys.PlanRange(planId.Value);
        var marker = TableKeys.AcceptedMarkerRow;
        var filter =
            TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to} and RowKey eq {marker}");
        var marks = new List<(string Partition, string UploadId, DateTimeOffset CommittedOn)>();
        await foreach (
            var entity in table.QueryAsync<TableEntity>(filter, select: ["UploadId", "CommittedOn"],
                cancellationToken: cancellationToken))
        {
            marks.Add(
                (entity.PartitionKey, entity.GetString("UploadId"), entity.GetDateTimeOffset("CommittedOn")
                    ?? default));
        }

        if (marks.Count == 0)
        {
            return LedgerMark.None;
        }

        var text = string.Join('\n', marks.OrderBy(m => m.Partition, StringComparer.Ordinal)
            .Select(m =>
                $"{m.Partition}" +
                    $"={m.UploadId}@{m.CommittedOn.ToString("O", System.Globalization.CultureInfo.InvariantCulture)}"));
        var latest = marks.MaxBy(m => (m.CommittedOn, m.UploadId));
        return new LedgerMark(
            Convert.ToHexStringLower(
                System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))),
            latest.UploadId, latest.CommittedOn);
    }

    /// <remarks>One partition read (the department's), in the order the uploads were received, last first.</remarks>
    public async Task<IReadOnlyList<UploadRecord>> RecentAsync(PlanId planId, DepartmentId departmentId, int limit,
        CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageNames.UploadsTable, cancellationToken);
        var partition = TableKeys.UploadPartition(planId.Value, departmentId.Value);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Kind eq {KindUpload}");
        var records = new List<UploadRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            records.Add(ToRecord(entity));
        }

        return records.OrderByDescending(r => r.Order).Take(limit).ToArray();
    }

    private static TableTransactionAction Add(TableEntity entity) => new(TableTransactionActionType.Add, entity);

    private static TableTransactionAction Replace(TableEntity entity, ETag etag) =>
        new(TableTransactionActionType.UpdateReplace, entity, etag);

    /// <summary>The partition of an upload's row: its plan's and department's.</summary>
    internal static string PartitionOf(UploadRecord r) =>
        TableKeys.UploadPartition(r.PlanId?.Value ?? "", DepartmentText(r.Department));

    /// <summary>
    /// The department as stored (key and column): its segment as given, and for none the text rows have had since
    /// before the absence was a type (<see cref="UploadDepartment.NoneText"/>).
    /// </summary>
    private static string DepartmentText(UploadDepartment department) => department.Name ?? UploadDepartment.NoneText;

    /// <summary>The department of a stored row (<see cref="DepartmentText"/> read back).</summary>
    private static UploadDepartment DepartmentOf(string text) =>
        text == UploadDepartment.NoneText ? UploadDepartment.None : UploadDepartment.Named(text);

    internal static TableEntity ToEntity(UploadRecord r) =>
        new(PartitionOf(r), r.UploadId.Value)
        {
            ["Kind"] = KindUpload,
            ["PlanId"] = r.PlanId?.Value,
            ["DepartmentId"] = DepartmentText(r.Department),
            ["BlobName"] = r.BlobName,
            ["FileName"] = r.FileName,
            ["Version"] = r.Version,
            ["Sha256"] = r.Sha256?.Value,
            ["ReceivedAt"] = r.ReceivedAt,
            ["ProcessedOn"] = r.ProcessedOn,
            ["Status"] = r.Status.ToString(),
            ["Observations"] = r.Observations,
            ["Evaluations"] = r.Evaluations,
            ["Errors"] = r.Errors,
            ["Warnings"] = r.Warnings,
            ["DuplicateOf"] = r.DuplicateOf?.Value,
            ["Reason"] = r.Reason,
            ["UploadedBy"] = r.UploadedBy,
        };

    /// <remarks>A row of an earlier version has <c>BlobCreatedOn</c> where newer ones have <c>ReceivedAt</c>.</remarks>
    internal static UploadRecord ToRecord(TableEntity e) => new(
        PlanId.TryParse(e.GetString("PlanId"), out var planId) ? planId : null,
        DepartmentOf(e.GetString("DepartmentId")), UploadId.Parse(e.RowKey),
        e.GetString("BlobName"),
        Sha256.TryParse(e.GetString("Sha256"), out var sha256) ? sha256 : null,
        e.GetDateTimeOffset("ReceivedAt") ?? e.GetDateTimeOffset("BlobCreatedOn") ?? default,
        e.GetDateTimeOffset("ProcessedOn") ?? default,
        Enum.Parse<UploadStatus>(e.GetString("Status")), e.GetInt32("Observations") ?? 0, e.GetInt32("Evaluations")
            ?? 0,
        e.GetInt32("Errors") ?? 0, e.GetInt32("Warnings") ?? 0,
        UploadId.TryParse(e.GetString("DuplicateOf"), out var of) ? of : null, e.GetString("Reason"),
        e.GetString("UploadedBy"),
        e.GetString("Version"), e.GetString("FileName"));
}

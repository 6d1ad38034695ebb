using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Pipeline.Application.Ports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Json;
using Pipeline.Domain.Reminders;

namespace Pipeline.Infrastructure.Storage;

/// <summary>
/// The <c>reminders</c> table (RULES.md §12): PK = plan id, RK = <c>{departmentId}~{yyyy-MM-dd}</c>. A reminder is
/// claimed by inserting its record (only one run can), or by taking over a failed one with its ETag; a record left
/// <c>sending</c> by a run that ended is taken over after <see cref="AbandonedAfter"/>.
/// </summary>
public sealed class TableReminderLedger(StorageAccount storage) : IReminderLedger
{
    /// <summary>How long a claim without an outcome stands before another run may take it over.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

    public async Task<bool> TryClaimAsync(
        PlanId planId, DepartmentId departmentId, DateOnly day, ReminderKind kind, DateTimeOffset now,
            CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageNames.RemindersTable, cancellationToken);
        var (pk, rk) = Keys(planId, departmentId, day);
        try
        {
            await table.AddEntityAsync(new TableEntity(pk, rk)
            {
                ["Kind"] = PipelineJson.Name(kind),
                ["Status"] = PipelineJson.Name(ReminderStatus.Sending),
                ["Attempts"] = 0,
                ["ClaimedAt"] = now,
                ["UpdatedAt"] = now,
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Recorded already: sent, being sent, failed or superseded; decided below.
        }

        var existing = (await table.GetEntityAsync<TableEntity>(pk, rk, cancellationToken: cancellationToken)).Value;
        var status = Status(existing.GetString("Status"));
        var abandoned = status == ReminderStatus.Sending
            && existing.GetDateTimeOffset("ClaimedAt") < now - AbandonedAfter;
        if (status != ReminderStatus.Failed && !abandoned)
        {
            return false;
        }

        existing["Status"] = PipelineJson.Name(ReminderStatus.Sending);
        existing["Kind"] = PipelineJson.Name(kind);
        existing["ClaimedAt"] = now;
        try
        {
            await table.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false; // another run took it over first
        }
    }

    public async Task RecordAsync(
        PlanId planId, DepartmentId departmentId, DateOnly day, ReminderStatus status, string? error,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageNames.RemindersTable, cancellationToken);
        var (pk, rk) = Keys(planId, departmentId, day);
        var entity = (await table.GetEntityAsync<TableEntity>(pk, rk, cancellationToken: cancellationToken)).Value;
        entity["Status"] = PipelineJson.Name(status);
        entity["UpdatedAt"] = now;
        if (status != ReminderStatus.Superseded)
        {
            entity["Attempts"] = (entity.GetInt32("Attempts") ?? 0) + 1;
            entity["LastError"] = error;
        }

        await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<ReminderRecord>> FailedAsync(PlanId planId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageNames.RemindersTable, cancellationToken);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKeys.Join(planId.Value)} and Status eq {PipelineJson.Name(ReminderStatus.Failed)}");
        var records = new List<ReminderRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            records.Add(Record(planId, entity));
        }

        return records.OrderBy(r => r.Day).ToList();
    }

    public async Task<ReminderRecord?> FindAsync(PlanId planId, DepartmentId departmentId, DateOnly day,
        CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageNames.RemindersTable, cancellationToken);
        var (pk, rk) = Keys(planId, departmentId, day);
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(pk, rk, cancellationToken: cancellationToken);
        return entity.HasValue ? Record(planId, entity.Value!) : null;
    }

    private static (string Partition, string Row) Keys(PlanId planId, DepartmentId departmentId, DateOnly day) =>
        (TableKeys.Join(planId.Value),
            TableKeys.Join(departmentId.Value, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    private static ReminderRecord Record(PlanId planId, TableEntity entity)
    {
        var separator = entity.RowKey.LastIndexOf(TableKeys.Separator);
        return new ReminderRecord(planId, DepartmentId.Parse(Uri.UnescapeDataString(entity.RowKey[..separator])),
            DateOnly.ParseExact(entity.RowKey[(separator + 1)..], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Enum.GetValues<ReminderKind>().Single(k => PipelineJson.Name(k) == entity.GetString("Kind")),
            Status(entity.GetString("Status")), entity.GetInt32("Attempts") ?? 0, entity.GetString("LastError"),
            entity.GetDateTimeOffset("UpdatedAt") ?? default);
    }

    private static ReminderStatus Status(string? name) =>
        Enum.GetValues<ReminderStatus>().Single(s => PipelineJson.Name(s) == name);
}

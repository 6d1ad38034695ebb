using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Pipeline.Application.Ports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Review;

namespace Pipeline.Infrastructure.Storage;

/// <summary>
/// The <c>secretariat</c> table (RULES.md §14), one partition per plan (PK <c>{planId}</c>): a row per fiscal year
/// ever confirmed (RK <c>fy~{FY}</c>) and the audit rows of the plan's own actions (<see cref="AuditRows"/>). The
/// audit of an upload's approval or return is in that upload's ledger partition, written with it;
/// <see cref="RecentAsync"/> reads both.
/// </summary>
public sealed class TableSecretariatRecords(StorageAccount storage) : IFiscalYearConfirmations, IReviewAudit
{
    public async Task<IReadOnlyList<FiscalYearConfirmation>> AllAsync(
        PlanId planId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageNames.SecretariatTable, cancellationToken);
        var partition = TableKeys.Join(planId.Value);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {"fy~"} and RowKey lt {"fy~~"}");
        var years = new List<FiscalYearConfirmation>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            years.Add(ToConfirmation(e));
        }

        return years.OrderBy(y => y.FiscalYear).ToList();
    }

    public Task<FiscalYearConfirmation?> ConfirmAsync(ReviewAction action, CancellationToken cancellationToken) =>
        ChangeAsync(action, confirm: true, cancellationToken);

    public Task<FiscalYearConfirmation?> ReopenAsync(ReviewAction action, CancellationToken cancellationToken) =>
        ChangeAsync(action, confirm: false, cancellationToken);

    public async Task RecordAsync(ReviewAction action, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageNames.SecretariatTable, cancellationToken);
        await table.AddEntityAsync(AuditRows.ToEntity(TableKeys.Join(action.PlanId), action), cancellationToken);
    }

    public async Task<IReadOnlyList<ReviewAction>> RecentAsync(
        PlanId planId, int limit, CancellationToken cancellationToken)
    {
        var (from, to) = AuditRows.Range;
        var actions = new List<ReviewAction>();
        var own = await storage.TableAsync(StorageNames.SecretariatTable, cancellationToken);
        var partition = TableKeys.Join(planId.Value);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to}");
        await foreach (var e in own.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            actions.Add(AuditRows.ToAction(e));
        }

        // The uploads' audit rows, in the plan's ledger partitions (one per department).
        var uploads = await storage.TableAsync(StorageNames.UploadsTable, cancellationToken);
        var (first, last) = TableKeys.PlanRange(planId.Value);
        var ledger = TableClient.CreateQueryFilter(
            $"PartitionKey ge {first} and PartitionKey lt {last} and RowKey ge {from} and RowKey lt {to}");
        await foreach (var e in uploads.QueryAsync<TableEntity>(ledger, cancellationToken: cancellationToken))
        {
            actions.Add(AuditRows.ToAction(e));
        }

        return actions.OrderByDescending(a => a.At).Take(limit).ToList();
    }

    /// <summary>
    /// The year's row changed and the action recorded in one transaction, conditional on the row as read (its ETag,
    /// or its absence): of two people confirming at once, one confirms and the other is told it is confirmed.
    /// </summary>
    private async Task<FiscalYearConfirmation?> ChangeAsync(
        ReviewAction action, bool confirm, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageNames.SecretariatTable, cancellationToken);
        var partition = TableKeys.Join(action.PlanId);
        var year = action.FiscalYear
            ?? throw new ArgumentException("A confirmation names its fiscal year.", nameof(action));
        var row = TableKeys.Join("fy", year.Value.ToString("D4", CultureInfo.InvariantCulture));
        while (true)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(
                partition, row, cancellationToken: cancellationToken);
            var before = existing.HasValue
                ? ToConfirmation(existing.Value!)
                : new FiscalYearConfirmation(year, false, null, null);
            if (before.Confirmed == confirm)
            {
                return null;
            }

            var after = confirm
                ? before with
                {
                    Confirmed = true, ConfirmedAt = action.At, FirstConfirmedAt = before.FirstConfirmedAt ?? action.At,
                }
                : before with { Confirmed = false, ReopenedAt = action.At, ReopenReason = action.Reason };
            var entity = ToEntity(partition, row, after, action);
            TableTransactionAction write = existing.HasValue
                ? new(TableTransactionActionType.UpdateReplace, entity, existing.Value!.ETag)
                : new(TableTransactionActionType.Add, entity);
            try
            {
                var audit = new TableTransactionAction(
                    TableTransactionActionType.Add, AuditRows.ToEntity(partition, action));
                await TableBatches.SubmitAsync(table, [write, audit], cancellationToken);
                return after;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // Another change came in between: read it and decide again.
            }
        }
    }

    private static TableEntity ToEntity(string partition, string row, FiscalYearConfirmation c, ReviewAction by) =>
        new(partition, row)
    {
        ["Kind"] = "fiscal_year",
        ["FiscalYear"] = c.FiscalYear.Value,
        ["Confirmed"] = c.Confirmed,
        ["FirstConfirmedAt"] = c.FirstConfirmedAt,
        ["ConfirmedAt"] = c.ConfirmedAt,
        ["ReopenedAt"] = c.ReopenedAt,
        ["ReopenReason"] = c.ReopenReason,
        ["ChangedById"] = by.ActorId,
        ["ChangedByName"] = by.ActorName,
    };

    private static FiscalYearConfirmation ToConfirmation(TableEntity e) => new(
        new FiscalYear(e.GetInt32("FiscalYear") ?? 0), e.GetBoolean("Confirmed") ?? false,
        e.GetDateTimeOffset("FirstConfirmedAt"), e.GetDateTimeOffset("ConfirmedAt"), e.GetDateTimeOffset("ReopenedAt"),
        e.GetString("ReopenReason"));
}

using Azure.Data.Tables;
using Pipeline.Application.Ports;

namespace Pipeline.Infrastructure.Storage;

/// <summary>
/// The <c>contacts</c> table (RULES.md §12): PK = plan id, RK = <c>d~{departmentId}</c> or <c>secretariat</c> (which no
/// department's key can be), the addresses one per
/// line in <c>Addresses</c>. Private like every table; never published.
/// </summary>
public sealed class TableContactStore(StorageAccount storage) : IContactStore
{
    public async Task<IReadOnlyList<string>> AddressesAsync(ContactOwner owner, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageNames.ContactsTable, cancellationToken);
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Join(owner.PlanId.Value), RowKey(owner), cancellationToken: cancellationToken);
        return entity.HasValue
            ? (entity.Value!.GetString("Addresses") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            : [];
    }

    public async Task SetAsync(ContactOwner owner, IReadOnlyList<string> addresses, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageNames.ContactsTable, cancellationToken);
        if (addresses.Count == 0)
        {
            await table.DeleteEntityAsync(TableKeys.Join(owner.PlanId.Value), RowKey(owner),
                cancellationToken: cancellationToken);
            return;
        }

        await table.UpsertEntityAsync(new TableEntity(TableKeys.Join(owner.PlanId.Value), RowKey(owner))
        {
            ["Addresses"] = string.Join('\n', addresses),
        }, TableUpdateMode.Replace, cancellationToken);
    }

    private static string RowKey(ContactOwner owner) =>
        owner.DepartmentId is { } department ? TableKeys.Join("d", department.Value) : "secretariat";
}

using Pipeline.Domain.Catalogue;
using Azure.Data.Tables;
using Pipeline.Application.Ports;

namespace Pipeline.Infrastructure.Storage;

/// <summary>
/// The <c>publications</c> table: PK = plan id, RK = portal name, with the mark of what it last took (the property
/// keeps
/// its first name, ContentHash: a mark from before destinations were part of it differs, so that plan is pushed once
/// more).
/// </summary>
public sealed class TablePortalPushLedger(StorageAccount storage) : IPortalPushLedger
{
    public const string TableName = "publications";

    public async Task<PortalPushMark?> LastPushedAsync(PlanId planId, string portal,
        CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName, cancellationToken);
        var entity =
            await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Join(planId.Value), TableKeys.Join(portal),
                cancellationToken: cancellationToken);
        return entity.HasValue && entity.Value!.GetString("ContentHash") is { } text ? PortalPushMark.Parse(text)
            : null;
    }

    public async Task RecordPushedAsync(PlanId planId, string portal, PortalPushMark mark,
        CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(TableKeys.Join(planId.Value), TableKeys.Join(portal))
        {
            ["ContentHash"] = mark.ToString(),
        }, TableUpdateMode.Replace, cancellationToken);
    }
}

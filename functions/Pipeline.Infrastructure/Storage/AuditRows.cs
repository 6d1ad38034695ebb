using System.Globalization;
using Azure.Data.Tables;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Review;

namespace Pipeline.Infrastructure.Storage;

/// <summary>
/// The audit's rows (RULES.md §14), kept in the partition of what they concern so that an action and its record are
/// one entity-group transaction: RK <c>audit~{inverted ticks}~{random}</c>, newest first in a partition.
/// </summary>
public static class AuditRows
{
    /// <summary>The first RowKey of the audit rows and the one past their end.</summary>
    public static (string From, string To) Range => ("audit~", "audit~~");

    /// <summary>An action as a row of partition <paramref name="partition"/>.</summary>
    public static TableEntity ToEntity(string partition, ReviewAction action)
    {
        var inverted = (DateTimeOffset.MaxValue.UtcTicks - action.At.UtcTicks)
            .ToString("D19", CultureInfo.InvariantCulture);
        return new TableEntity(partition, TableKeys.Join("audit", inverted, Guid.NewGuid().ToString("N")))
        {
            ["Kind"] = "audit",
            ["Action"] = action.Kind.ToString(),
            ["PlanId"] = action.PlanId,
            ["ActorId"] = action.ActorId,
            ["ActorName"] = action.ActorName,
            ["At"] = action.At,
            ["Reason"] = action.Reason,
            ["DepartmentId"] = action.DepartmentId,
            ["UploadId"] = action.UploadId,
            ["FiscalYear"] = action.FiscalYear?.Value,
            ["IndicatorId"] = action.IndicatorId,
        };
    }

    /// <summary>A row as the action it records.</summary>
    public static ReviewAction ToAction(TableEntity e) => new(
        Enum.Parse<ReviewActionKind>(e.GetString("Action")), e.GetString("PlanId"), e.GetString("ActorId"),
        e.GetString("ActorName"), e.GetDateTimeOffset("At") ?? default, e.GetString("Reason"),
        e.GetString("DepartmentId"), e.GetString("UploadId"),
        e.GetInt32("FiscalYear") is { } fy ? new FiscalYear(fy) : null, e.GetString("IndicatorId"));
}

using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Uploads;

namespace Pipeline.Application.Ports;

/// <summary>The uploads of one department as the ledger recorded them (the portal's history).</summary>
public interface IUploadHistory
{
    /// <summary>
    /// Every upload the ledger holds for a department of a plan, the last received first, at most
    /// <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<UploadRecord>> RecentAsync(PlanId planId, DepartmentId departmentId, int limit,
        CancellationToken cancellationToken);
}

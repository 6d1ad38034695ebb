using Pipeline.Application.Ingestion;
using Pipeline.Application.Reports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Uploads;

namespace Pipeline.Portal.Plans;

/// <summary>
/// <see cref="IPortalPlans"/> over the deployment's plan set (RULES.md §7): every served plan, uploads stored at
/// <c>{planId}/{departmentId}/{folder}/{name}</c>, a folder per upload, files checked by the plan's own ingestion
/// service.
/// </summary>
public sealed class PlanSetPortalPlans(UploadRouter router) : IPortalPlans
{
    public IReadOnlyList<Plan> All => router.Plans.Plans;

    public Plan? Find(string planId) => router.Plans.Find(planId);

    public UploadPath NewUploadPath(Plan plan, Department department, string fileName, DateTimeOffset receivedAt) =>
        UploadPath.New(plan.Id, department.Id, UploadFolder.New(receivedAt), fileName);

    public Task<UploadReport> ValidateAsync(Plan plan, Department department, string fileName, Stream content,
        CancellationToken cancellationToken) =>
        router.For(plan).ValidateAsync(department.Id.Value, fileName, content, cancellationToken);
}

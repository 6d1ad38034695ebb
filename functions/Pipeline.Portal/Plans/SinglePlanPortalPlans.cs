using Pipeline.Core.Catalogue;
using Pipeline.Core.Ingestion;

namespace Pipeline.Portal.Plans;

/// <summary>
/// <see cref="IPortalPlans"/> over the one plan that <c>AddPipeline</c> registers today. Uploads go to
/// <c>{departmentId}/{name}</c>, the path today's ingestion reads, which RULES.md §2 keeps for the default
/// plan; with the plan set the path becomes <c>{planId}/{departmentId}/{name}</c> (RULES.md §7).
/// </summary>
public sealed class SinglePlanPortalPlans(Plan plan, IngestionService ingestion) : IPortalPlans
{
    public IReadOnlyList<Plan> All { get; } = [plan];

    public Plan? Find(string planId) => string.Equals(planId, plan.Id, StringComparison.Ordinal) ? plan : null;

    public string UploadBlobName(Plan plan, Department department, string fileName) => $"{department.Id}/{fileName}";

    public Task<UploadReport> ValidateAsync(Plan plan, Department department, string fileName, Stream content, CancellationToken cancellationToken) =>
        ingestion.ValidateAsync(department.Id, fileName, content, cancellationToken);
}

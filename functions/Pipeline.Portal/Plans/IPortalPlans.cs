using Pipeline.Application.Reports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Uploads;

namespace Pipeline.Portal.Plans;

/// <summary>
/// What the portal needs to know about the plans a deployment serves. The portal depends on this alone,
/// implemented over the plan set by <see cref="PlanSetPortalPlans"/>.
/// </summary>
public interface IPortalPlans
{
    /// <summary>The plans the deployment serves.</summary>
    IReadOnlyList<Plan> All { get; }

    /// <summary>The plan with this id, if the deployment serves it.</summary>
    Plan? Find(string planId);

    /// <summary>
    /// Where (in container <c>uploads</c>) a department's file received at <paramref name="receivedAt"/> is stored: a
    /// path of its own.
    /// </summary>
    UploadPath NewUploadPath(Plan plan, Department department, string fileName, DateTimeOffset receivedAt);

    /// <summary>Checks a file with the plan's reader and rules, storing nothing.</summary>
    Task<UploadReport> ValidateAsync(Plan plan, Department department, string fileName, Stream content,
        CancellationToken cancellationToken);
}

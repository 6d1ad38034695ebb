using Microsoft.AspNetCore.Http;
using Pipeline.Application.Review;
using Pipeline.Domain.Uploads;
using Pipeline.Portal.Access;
using Pipeline.Portal.Api.Documents;
using Pipeline.Portal.Http;

namespace Pipeline.Portal.Api;

/// <summary>
/// <c>PUT /api/plans/{planId}/departments/{dept}/commentary/{indicatorId}/{fiscalYear}</c> (RULES.md §13, §14): the
/// department's own words on its indicator for a year, entered by the department or by the plan's secretariat.
/// </summary>
public sealed class CommentaryApi(PortalAccess access, CommentaryEntries entries, IAfterReview afterReview)
{
    public async Task<IResult> PutAsync(
        HttpContext context, string planId, string departmentId, string indicatorId, int fiscalYear)
    {
        var decision = await access.ForDepartmentAsync(context, planId, departmentId, orSecretariat: true);
        if (decision.Denied is { } denied)
        {
            return denied;
        }

        if (await SecretariatApi.ReadAsync<CommentaryEntry>(context) is not { } entry
            || (entry.Assessment is null && entry.Issues is null && entry.NextSteps is null))
        {
            return Problems.BadRequest("assessment、issues、nextSteps のいずれかを { \"ja\", \"en\" } で送ってください。",
                "Send assessment, issues or nextSteps, each as { \"ja\", \"en\" }.");
        }

        var person = decision.Principal!;
        var bySecretariat = !person.MayActFor(decision.Plan!.Id, decision.Department!.Id);
        var outcome = await entries.EnterAsync(decision.Plan!, decision.Department!, indicatorId, fiscalYear, entry,
            person.Id, person.Name, bySecretariat, context.RequestAborted);
        if (outcome.Recorded is not { } recorded)
        {
            return Problems.BadRequest(outcome.ProblemJa!, outcome.ProblemEn!);
        }

        if (recorded.Committed)
        {
            afterReview.Changed(planId);
        }

        return PortalApi.Json(new ReviewDecidedDocument(recorded.UploadId.Value, recorded.Status));
    }
}

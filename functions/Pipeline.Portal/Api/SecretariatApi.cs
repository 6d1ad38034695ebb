using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Pipeline.Application.Review;
using Pipeline.Domain.Json;
using Pipeline.Domain.Review;
using Pipeline.Domain.Uploads;
using Pipeline.Portal.Access;
using Pipeline.Portal.Api.Documents;
using Pipeline.Portal.Http;

namespace Pipeline.Portal.Api;

/// <summary>
/// The plan secretariat's endpoints (RULES.md §14) under <c>/api/plans/{planId}</c>: the review queue and decisions,
/// the overview of every department, confirming and reopening fiscal years. Each begins with
/// <see cref="PortalAccess.ForSecretariatAsync"/>: 401 for nobody, 403 for anyone not the plan's secretariat (a
/// department's staff, another plan's secretariat), before anything is read.
/// </summary>
public sealed class SecretariatApi(
    PortalAccess access, ReviewService review, SecretariatService secretariat, IAfterReview afterReview)
{
    /// <summary><c>GET …/review</c>: the uploads waiting, with old → new per key.</summary>
    public async Task<IResult> QueueAsync(HttpContext context, string planId)
    {
        var decision = await access.ForSecretariatAsync(context, planId);
        return decision.Denied ?? PortalApi.Json(await review.QueueAsync(decision.Plan!, context.RequestAborted));
    }

    /// <summary><c>POST …/review/{uploadId}</c>: approve, or return with a comment; 200 with the new status.</summary>
    public async Task<IResult> DecideAsync(HttpContext context, string planId, string uploadId)
    {
        var decision = await access.ForSecretariatAsync(context, planId);
        if (decision.Denied is { } denied)
        {
            return denied;
        }

        var request = await ReadAsync<ReviewDecisionRequest>(context);
        if (request?.Decision is not { } choice)
        {
            return Problems.BadRequest("decision に approve か return を指定してください。",
                "Give decision: approve or return.");
        }

        if (choice == ReviewDecision.Return && string.IsNullOrWhiteSpace(request.Comment))
        {
            return Problems.BadRequest("差し戻す理由（comment）を書いてください。", "Say why it is returned (comment).");
        }

        if (request.Comment?.Length > ReviewAction.MaxReasonLength)
        {
            return Problems.BadRequest($"コメントは {ReviewAction.MaxReasonLength} 文字までです。",
                $"The comment is limited to {ReviewAction.MaxReasonLength} characters.");
        }

        if (!UploadId.TryParse(uploadId, out var id))
        {
            return Problems.NotFound("この計画にそのアップロードはありません。", "No such upload in this plan.");
        }

        var person = decision.Principal!;
        var outcome = await review.DecideAsync(decision.Plan!, id, choice, request.Comment, person.Id,
            person.Name, context.RequestAborted);
        if (outcome.NotFound)
        {
            return Problems.NotFound("この計画にそのアップロードはありません。", "No such upload in this plan.");
        }

        if (outcome.Decided is not { } decided)
        {
            return Problems.Conflict($"このアップロードは確認待ちではありません（{outcome.AlreadyStatus}）。",
                $"The upload is not waiting for review ({outcome.AlreadyStatus}).");
        }

        if (decided.Committed)
        {
            afterReview.Changed(planId);
        }

        return PortalApi.Json(new ReviewDecidedDocument(decided.UploadId.Value, decided.Status));
    }

    /// <summary><c>GET …/overview</c>: every department's obligations, the fiscal years, the audit.</summary>
    public async Task<IResult> OverviewAsync(HttpContext context, string planId)
    {
        var decision = await access.ForSecretariatAsync(context, planId);
        return decision.Denied
            ?? PortalApi.Json(await secretariat.OverviewAsync(decision.Plan!, context.RequestAborted));
    }

    /// <summary><c>POST …/fiscal-years/{fy}/confirm</c> or <c>…/reopen</c> (its reason required).</summary>
    public async Task<IResult> FiscalYearAsync(HttpContext context, string planId, int fiscalYear, bool confirm)
    {
        var decision = await access.ForSecretariatAsync(context, planId);
        if (decision.Denied is { } denied)
        {
            return denied;
        }

        var plan = decision.Plan!;
        if (fiscalYear < plan.StartFiscalYear.Value || fiscalYear > plan.EndFiscalYear.Value)
        {
            return Problems.NotFound($"{fiscalYear} 年度はこの計画の期間外です。",
                $"FY{fiscalYear} is not a year of this plan.");
        }

        var request = await ReadAsync<FiscalYearRequest>(context);
        if (!confirm && string.IsNullOrWhiteSpace(request?.Reason))
        {
            return Problems.BadRequest("再開する理由（reason）を書いてください。", "Say why the year is reopened (reason).");
        }

        if (request?.Reason?.Length > ReviewAction.MaxReasonLength)
        {
            return Problems.BadRequest($"理由は {ReviewAction.MaxReasonLength} 文字までです。",
                $"The reason is limited to {ReviewAction.MaxReasonLength} characters.");
        }

        var person = decision.Principal!;
        var ct = context.RequestAborted;
        var changed = confirm
            ? await secretariat.ConfirmAsync(plan, fiscalYear, request?.Reason, person.Id, person.Name, ct)
            : await secretariat.ReopenAsync(plan, fiscalYear, request!.Reason!, person.Id, person.Name, ct);
        if (changed is null)
        {
            return confirm
                ? Problems.Conflict($"{fiscalYear} 年度は確定済みです。", $"FY{fiscalYear} is confirmed already.")
                : Problems.Conflict($"{fiscalYear} 年度は確定されていません。", $"FY{fiscalYear} is not confirmed.");
        }

        return PortalApi.Json(new FiscalYearStatus(fiscalYear, changed.Confirmed, changed.ConfirmedAt,
            changed.FirstConfirmedAt, changed.ReopenedAt, changed.ReopenReason));
    }

    /// <summary>A JSON body, or null where there is none or it is not one.</summary>
    internal static async Task<T?> ReadAsync<T>(HttpContext context)
        where T : class
    {
        try
        {
            return await context.Request.ReadFromJsonAsync(
                PipelineJson.TypeInfo<T>(DocumentJson.Options), context.RequestAborted);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON, or not a JSON content type: the caller answers 400.
            return null;
        }
    }
}

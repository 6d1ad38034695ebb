using Pipeline.Application.Obligations;
using Pipeline.Application.Ports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Review;
using Pipeline.Domain.Uploads;

namespace Pipeline.Application.Review;

/// <summary>
/// The secretariat's overview of its plan and its confirmation of fiscal years (RULES.md §14): a confirmed year (確定)
/// makes every upload touching it wait for approval; reopening keeps its reason; both are kept in the audit.
/// </summary>
public sealed class SecretariatService(
    ObligationService obligations,
    IReviewLedger reviews,
    IFiscalYearConfirmations confirmations,
    IReviewAudit audit,
    TimeProvider clock)
{
    /// <summary>Most actions listed in the overview.</summary>
    public const int RecentActionsListed = 50;

    public async Task<SecretariatOverview> OverviewAsync(Plan plan, CancellationToken cancellationToken)
    {
        var owed = await obligations.ForAsync(plan, plan.Departments, cancellationToken);
        var waiting = await reviews.WaitingAsync(plan.Id, cancellationToken);
        var departments = plan.Departments.Zip(owed, (d, o) => new DepartmentOverview(d.Id.Value, d.Name, o.FiscalYears,
            waiting.Count(u => u.Department.Id == d.Id && u.Status == UploadStatus.PendingReview),
            waiting.Count(u => u.Department.Id == d.Id && u.Status == UploadStatus.Returned))).ToList();
        var confirmed = (await confirmations.AllAsync(plan.Id, cancellationToken))
            .ToDictionary(c => c.FiscalYear.Value);
        var (first, last) = (plan.StartFiscalYear.Value, plan.EndFiscalYear.Value);
        var years = Enumerable.Range(first, last - first + 1)
            .Select(fy => confirmed.TryGetValue(fy, out var c)
                ? new FiscalYearStatus(fy, c.Confirmed, c.ConfirmedAt, c.FirstConfirmedAt, c.ReopenedAt, c.ReopenReason)
                : new FiscalYearStatus(fy, false, null, null, null, null))
            .ToList();
        var actions = await audit.RecentAsync(plan.Id, RecentActionsListed, cancellationToken);
        return new SecretariatOverview(plan.Id.Value, plan.Publication.Review, clock.GetUtcNow(), departments, years,
            actions.Select(AuditEntry.From).ToList());
    }

    /// <summary>Confirms a fiscal year; null where it is confirmed already.</summary>
    public Task<FiscalYearConfirmation?> ConfirmAsync(Plan plan, int fiscalYear, string? reason, string actorId,
        string actorName, CancellationToken cancellationToken) =>
        confirmations.ConfirmAsync(Action(ReviewActionKind.Confirm, plan, fiscalYear, reason, actorId, actorName),
            cancellationToken);

    /// <summary>Reopens a confirmed fiscal year with its reason; null where it is not confirmed.</summary>
    public Task<FiscalYearConfirmation?> ReopenAsync(Plan plan, int fiscalYear, string reason, string actorId,
        string actorName, CancellationToken cancellationToken) =>
        confirmations.ReopenAsync(Action(ReviewActionKind.Reopen, plan, fiscalYear, reason, actorId, actorName),
            cancellationToken);

    private ReviewAction Action(ReviewActionKind kind, Plan plan, int fiscalYear, string? reason, string actorId,
        string actorName) =>
        new(kind, plan.Id.Value, actorId, actorName, clock.GetUtcNow(),
            string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), FiscalYear: new FiscalYear(fiscalYear));
}

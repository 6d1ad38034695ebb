using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Review;

namespace Pipeline.Application.Ports;

/// <summary>
/// The confirmed fiscal years of each plan (RULES.md §14): the secretariat confirms a year (確定) after the committee,
/// and may reopen it with a reason. Each change is written with its audit record in one transaction.
/// </summary>
public interface IFiscalYearConfirmations
{
    /// <summary>Every fiscal year of the plan ever confirmed, with where it stands now.</summary>
    Task<IReadOnlyList<FiscalYearConfirmation>> AllAsync(PlanId planId, CancellationToken cancellationToken);

    /// <summary>
    /// Confirms the fiscal year of <paramref name="action"/> (a <see cref="ReviewActionKind.Confirm"/>) and records the
    /// action; null, with nothing written, where the year is confirmed already.
    /// </summary>
    Task<FiscalYearConfirmation?> ConfirmAsync(ReviewAction action, CancellationToken cancellationToken);

    /// <summary>
    /// Reopens the fiscal year of <paramref name="action"/> (a <see cref="ReviewActionKind.Reopen"/>, its reason kept)
    /// and records the action; null, with nothing written, where the year is not confirmed.
    /// </summary>
    Task<FiscalYearConfirmation?> ReopenAsync(ReviewAction action, CancellationToken cancellationToken);
}

using Pipeline.Domain.Catalogue;

namespace Pipeline.Domain.Progress;

/// <summary>
/// When a fiscal year's value is due: by default 30 June after the FY closes (31 March), judged in
/// Japan Standard Time. An indicator whose latest FY is older than the last FY due is overdue.
/// </summary>
public sealed record FreshnessRule(int DueMonth = 6, int DueDay = 30)
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    /// <summary>The day a fiscal year's results are due: <see cref="DueMonth"/>/<see cref="DueDay"/> after it closes.</summary>
    public DateOnly DueDateOf(FiscalYear fiscalYear) => new(fiscalYear.Value + 1, DueMonth, DueDay);

    /// <summary>The latest fiscal year of the plan whose value is due by <paramref name="now"/>, if any.</summary>
    public FiscalYear? LastDue(Plan plan, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.ToOffset(Jst).DateTime);
        FiscalYear? due = null;
        for (var fy = plan.StartFiscalYear.Value; fy <= plan.EndFiscalYear.Value; fy++)
        {
            if (today > new DateOnly(fy + 1, DueMonth, DueDay))
            {
                due = new FiscalYear(fy);
            }
        }

        return due;
    }

    /// <summary>RULES.md §7: <c>closed</c> once the plan's last fiscal year's results are due, else <c>active</c>.</summary>
    public PlanStatus StatusOf(Plan plan, DateTimeOffset now) =>
        LastDue(plan, now) == plan.EndFiscalYear ? PlanStatus.Closed : PlanStatus.Active;

    /// <summary>True where a value is due for a later fiscal year than the latest one given.</summary>
    public static bool IsOverdue(FiscalYear? latest, FiscalYear? lastDue) =>
        lastDue is { } due && (latest is not { } l || l < due);
}

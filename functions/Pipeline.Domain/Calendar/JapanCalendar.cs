using Pipeline.Domain.Catalogue;

namespace Pipeline.Domain.Calendar;

/// <summary>
/// The one calendar every rule judges dates by: days are Japanese calendar days (JST, UTC+9, no daylight saving),
/// a fiscal year runs from April to March, and its results are due on <see cref="ResultsDue"/> after it closes
/// (30 June; RULES.md §4, §7, §9, §12). Today comes from the injected clock; the methods that take an instant judge
/// that instant the same way, so that a run computes everything from one reading of the clock.
/// </summary>
public sealed class JapanCalendar(TimeProvider clock, MonthDay? resultsDue = null)
{
    /// <summary>Japan Standard Time's offset from UTC, the only place it is written.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    /// <summary>The day of the calendar year after a fiscal year closes on which its results are due.</summary>
    public MonthDay ResultsDue { get; } = resultsDue ?? new MonthDay(6, 30);

    /// <summary>The clock's current instant, in JST.</summary>
    public DateTimeOffset Now => InJapan(clock.GetUtcNow());

    /// <summary>Today in Japan, by the clock.</summary>
    public DateOnly Today => DayOf(clock.GetUtcNow());

    /// <summary><paramref name="instant"/> written in JST.</summary>
    public static DateTimeOffset InJapan(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The Japanese calendar day <paramref name="instant"/> falls on.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(InJapan(instant).DateTime);

    /// <summary>The fiscal year <paramref name="day"/> falls in.</summary>
    public static FiscalYear FiscalYearOf(DateOnly day) => FiscalYear.Containing(day);

    /// <summary>Whether <paramref name="fiscalYear"/> has ended by <paramref name="day"/> (from 1 April after
    /// it).</summary>
    public static bool HasEnded(FiscalYear fiscalYear, DateOnly day) => day >= new DateOnly(fiscalYear.Value + 1, 4, 1);

    /// <summary>The day <paramref name="fiscalYear"/>'s results are due: <see cref="ResultsDue"/> after it
    /// closes.</summary>
    public DateOnly ResultsDueDate(FiscalYear fiscalYear) => ResultsDue.In(fiscalYear.Value + 1);

    /// <summary>Whether <paramref name="fiscalYear"/>'s results due date has passed on <paramref
    /// name="day"/>.</summary>
    public bool IsPastDue(FiscalYear fiscalYear, DateOnly day) => day > ResultsDueDate(fiscalYear);

    /// <summary>The latest fiscal year of the plan whose results are due by <paramref name="day"/>, if any.</summary>
    public FiscalYear? LastDue(Plan plan, DateOnly day)
    {
        FiscalYear? due = null;
        for (var fy = plan.StartFiscalYear.Value; fy <= plan.EndFiscalYear.Value; fy++)
        {
            if (IsPastDue(new FiscalYear(fy), day))
            {
                due = new FiscalYear(fy);
            }
        }

        return due;
    }

    /// <summary>The latest fiscal year of the plan whose results are due at <paramref name="instant"/>, if
    /// any.</summary>
    public FiscalYear? LastDue(Plan plan, DateTimeOffset instant) => LastDue(plan, DayOf(instant));

    /// <summary>RULES.md §7: <c>closed</c> once the plan's last fiscal year's results are due, else
    /// <c>active</c>.</summary>
    public PlanStatus StatusOf(Plan plan, DateTimeOffset instant) =>
        LastDue(plan, instant) == plan.EndFiscalYear ? PlanStatus.Closed : PlanStatus.Active;

    /// <summary>The plan's status today, by the clock.</summary>
    public PlanStatus StatusOf(Plan plan) => StatusOf(plan, clock.GetUtcNow());

    /// <summary>True where results are due for a later fiscal year than the latest one given.</summary>
    public static bool IsOverdue(FiscalYear? latest, FiscalYear? lastDue) =>
        lastDue is { } due && (latest is not { } l || l < due);
}

using Pipeline.Domain.Calendar;
using Pipeline.Domain.Catalogue;

namespace Pipeline.Domain.Reminders;

/// <summary>
/// RULES.md §12, the days of reminders: each of the plan's reminder dates (<see cref="Plan.Reminders"/>) in the
/// calendar
/// year of a results due date and before it, for that fiscal year's results; and every 7th day after the latest due
/// date
/// that has passed, for whatever is overdue. Days are Japanese (JST) calendar days.
/// </summary>
public static class ReminderCalendar
{
    /// <summary>Every occasion falling on <paramref name="today"/> (none, one, or both kinds).</summary>
    public static IReadOnlyList<ReminderOccasion> On(Plan plan, DateOnly today, JapanCalendar calendar)
    {
        var occasions = new List<ReminderOccasion>();
        DateOnly? lastPassed = null;
        for (var fy = plan.StartFiscalYear.Value; fy <= plan.EndFiscalYear.Value; fy++)
        {
            var due = calendar.ResultsDueDate(new FiscalYear(fy));
            if (today > due)
            {
                lastPassed = due;
            }
            else if (today < due && plan.Reminders.Before.Any(day => day.In(due.Year) == today))
            {
                occasions.Add(new ReminderOccasion(ReminderKind.BeforeDue, new FiscalYear(fy), due));
            }
        }

        if (lastPassed is { } passed && (today.DayNumber - passed.DayNumber) % 7 == 0)
        {
            occasions.Add(new ReminderOccasion(ReminderKind.Overdue, null, passed));
        }

        return occasions;
    }
}

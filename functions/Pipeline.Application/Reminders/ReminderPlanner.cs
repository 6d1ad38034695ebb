using Pipeline.Application.Obligations;
using Pipeline.Domain.Reminders;

namespace Pipeline.Application.Reminders;

/// <summary>
/// RULES.md §12, what a reminder asks for: on a day before a due date, the results of that fiscal year not yet
/// received;
/// on a weekly day after one, every result not received whose due date has passed. Both make one message (overdue).
/// An initiative is asked for as <see cref="InitiativeEvaluators"/> says. Nothing owed, no reminder.
/// </summary>
public static class ReminderPlanner
{
    /// <summary>The reminder of <paramref name="obligations"/>' department on <paramref name="day"/>, or
    /// null.</summary>
    public static ReminderDecision? Decide(
        ObligationsDocument obligations, IReadOnlyList<ReminderOccasion> occasions, DateOnly day,
            InitiativeEvaluators initiatives)
    {
        var dueBy = obligations.FiscalYears.ToDictionary(f => f.FiscalYear, f => f.DueDate);
        var before = occasions.Where(o => o.Kind == ReminderKind.BeforeDue).Select(o => o.FiscalYear!.Value.Value)
            .ToHashSet();
        var overdueOccasion = occasions.Any(o => o.Kind == ReminderKind.Overdue);
        var overdue = new List<ReminderItem>();
        var missing = new List<ReminderItem>();
        foreach (var item in obligations.Items)
        {
            // An item waiting for the secretariat's review (RULES.md §14) was sent: it is not reminded.
            foreach (var year in item.Years.Where(y =>
                y.State is not (ObligationState.Received or ObligationState.PendingReview)
                && (item.Kind != "initiative" || initiatives.Asks(obligations.DepartmentId, item.Id, y.FiscalYear))))
            {
                var entry = new ReminderItem(item.Kind, item.Id, item.Name, year.FiscalYear);
                if (overdueOccasion && dueBy[year.FiscalYear] < day)
                {
                    overdue.Add(entry);
                }
                else if (before.Contains(year.FiscalYear))
                {
                    missing.Add(entry);
                }
            }
        }

        if (overdue.Count + missing.Count == 0)
        {
            return null;
        }

        var items = overdue.Concat(missing).OrderBy(i => i.FiscalYear).ToList();
        return new ReminderDecision(obligations.PlanId, obligations.DepartmentId, day,
            overdue.Count > 0 ? ReminderKind.Overdue : ReminderKind.BeforeDue, items.Max(i => dueBy[i.FiscalYear]),
                items);
    }
}

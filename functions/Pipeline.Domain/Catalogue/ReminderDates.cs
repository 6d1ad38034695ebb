namespace Pipeline.Domain.Catalogue;

/// <summary>
/// The days a department that still owes results is reminded before a results due date (plan-file section
/// <c>reminders: { "before": ["05-01", "06-01", "06-20"] }</c>), each in the due date's calendar year (RULES.md §12).
/// </summary>
public sealed record ReminderDates(IReadOnlyList<MonthDay> Before)
{
    /// <summary>1 May, 1 June and 20 June: the dates of a plan file without the section.</summary>
    public static readonly ReminderDates Default = new([new MonthDay(5, 1), new MonthDay(6, 1), new MonthDay(6, 20)]);

    /// <summary>Reads the plan file's section; each problem is reported with its JSON path.</summary>
    internal static ReminderDates From(PlanFileReminders? section, Action<string, string> problem)
    {
        if (section?.Before is not { } before)
        {
            return Default;
        }

        var days = new List<MonthDay>();
        for (var i = 0; i < before.Count; i++)
        {
            if (MonthDay.TryParse(before[i], out var day))
            {
                days.Add(day);
            }
            else
            {
                problem($"$.reminders.before[{i}]",
                    $"'{before[i]}' is not a day written MM-dd (05-01), 29 February aside");
            }
        }

        return new ReminderDates(days.Distinct().OrderBy(d => (d.Month, d.Day)).ToArray());
    }
}

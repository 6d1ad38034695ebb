using System.Globalization;
using Pipeline.Domain.Calendar;
using Pipeline.Domain.Catalogue;

namespace Pipeline.Application.Ports;

/// <summary>
/// The dates a plan's feed depends on at an instant (RULES.md §4 and §7): the last fiscal year whose results are due
/// (overdue flags), the plan's status (closed after its last results are due), the latest fiscal year that has ended
/// (partial years) and the due rule itself (named in the feed). Stored as <see cref="Text"/>, the form a publication
/// record has always held: <c>due:2024;status:Active;ended:2025;rule:06-30</c> (<c>due:-</c> before any is due).
/// </summary>
public sealed record FeedDates(FiscalYear? LastDue, PlanStatus Status, FiscalYear LastEnded, MonthDay DueRule)
{
    /// <summary>The dates of <paramref name="plan"/> at <paramref name="now"/> by <paramref
    /// name="calendar"/>.</summary>
    public static FeedDates Of(Plan plan, JapanCalendar calendar, DateTimeOffset now) => new(
        calendar.LastDue(plan, now),
        calendar.StatusOf(plan, now),
        new FiscalYear(JapanCalendar.FiscalYearOf(JapanCalendar.DayOf(now)).Value - 1),
        calendar.ResultsDue);

    /// <summary>The stored form.</summary>
    public string Text => string.Create(CultureInfo.InvariantCulture,
        $"due:{LastDue?.ToString() ?? "-"};status:{Status};ended:{LastEnded};rule:{DueRule}");

    /// <summary>
    /// Reads the stored form; null for any other text (a record written otherwise is then unequal to every
    /// computation's dates, and the plan is computed once more: the safe side).
    /// </summary>
    public static FeedDates? Parse(string? text)
    {
        var parts = (text ?? "").Split(';');
        if (parts.Length != 4
            || Field(parts[0], "due:") is not { } due
            || Field(parts[1], "status:") is not { } status || !Enum.TryParse<PlanStatus>(status, out var planStatus)
            || !Enum.IsDefined(planStatus) || status != planStatus.ToString()
            || Year(Field(parts[2], "ended:")) is not { } ended
            || !MonthDay.TryParse(Field(parts[3], "rule:"), out var rule))
        {
            return null;
        }

        FiscalYear? lastDue = due == "-" ? null : Year(due);
        return due == "-" || lastDue is not null ? new FeedDates(lastDue, planStatus, ended, rule) : null;
    }

    private static string? Field(string part, string name) =>
        part.StartsWith(name, StringComparison.Ordinal) ? part[name.Length..] : null;

    private static FiscalYear? Year(string? text) =>
        text is { Length: 4 } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            ? new FiscalYear(year) : null;
}

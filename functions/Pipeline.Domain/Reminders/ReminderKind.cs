using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Domain.Reminders;

/// <summary>Which reminder a department gets (RULES.md §12).</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<ReminderKind>))]
public enum ReminderKind
{
    /// <summary>On one of the plan's reminder dates before a results due date, for the results still missing.</summary>
    BeforeDue,
    /// <summary>Weekly after a due date, for the results overdue, with the plan's secretariat in copy.</summary>
    Overdue,
}

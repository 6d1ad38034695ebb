using Pipeline.Domain.Reminders;

namespace Pipeline.Application.Reminders;

/// <summary>
/// A reminder due to a department on a day (RULES.md §12): its kind, the results it asks for, and the due date they
/// were (or are) due by, the latest among them.
/// </summary>
public sealed record ReminderDecision(
    string PlanId, string DepartmentId, DateOnly Day, ReminderKind Kind, DateOnly DueDate,
        IReadOnlyList<ReminderItem> Items);

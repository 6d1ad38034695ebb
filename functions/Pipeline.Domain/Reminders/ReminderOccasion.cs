using Pipeline.Domain.Catalogue;

namespace Pipeline.Domain.Reminders;

/// <summary>
/// A reason to remind on a day: before the due date of <see cref="FiscalYear"/>'s results (<see
/// cref="ReminderKind.BeforeDue"/>),
/// or a week, two weeks … after the latest due date that has passed (<see cref="ReminderKind.Overdue"/>, fiscal year
/// null:
/// every overdue result counts).
/// </summary>
public sealed record ReminderOccasion(ReminderKind Kind, FiscalYear? FiscalYear, DateOnly DueDate);

using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Reminders;

namespace Pipeline.Application.Ports;

/// <summary>The record of a reminder to a department of a plan on a day: its kind, status, attempts and last
/// error.</summary>
public sealed record ReminderRecord(
    PlanId PlanId, DepartmentId DepartmentId, DateOnly Day, ReminderKind Kind, ReminderStatus Status, int Attempts,
    string? LastError, DateTimeOffset UpdatedAt);

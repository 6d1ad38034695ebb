using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Reminders;

namespace Pipeline.Application.Ports;

/// <summary>
/// The reminders sent, one record per (plan, department, day), so that a rerun or a redelivered timer sends nothing
/// twice
/// and a failed send is tried again (RULES.md §12).
/// </summary>
public interface IReminderLedger
{
    /// <summary>
    /// Claims the reminder for sending: true where there was no record, or one that failed (or was left sending by a
    /// run
    /// that ended over an hour ago); false where it is sent, superseded or being sent.
    /// </summary>
    Task<bool> TryClaimAsync(
        PlanId planId, DepartmentId departmentId, DateOnly day, ReminderKind kind, DateTimeOffset now,
            CancellationToken cancellationToken);

    /// <summary>Records the outcome of a claimed reminder (or supersedes a failed one); counts an attempt unless
    /// superseding.</summary>
    Task RecordAsync(
        PlanId planId, DepartmentId departmentId, DateOnly day, ReminderStatus status, string? error,
        DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The plan's reminders that failed and wait for the next run, oldest first.</summary>
    Task<IReadOnlyList<ReminderRecord>> FailedAsync(PlanId planId, CancellationToken cancellationToken);

    /// <summary>One record, or null.</summary>
    Task<ReminderRecord?> FindAsync(PlanId planId, DepartmentId departmentId, DateOnly day,
        CancellationToken cancellationToken);
}

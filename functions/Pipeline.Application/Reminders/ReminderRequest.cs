namespace Pipeline.Application.Reminders;

/// <summary>A run of the reminders: every plan or one, today (JST) or another day, sending or only deciding.</summary>
public sealed record ReminderRequest(string? PlanId = null, DateOnly? AsOf = null, bool DryRun = false);

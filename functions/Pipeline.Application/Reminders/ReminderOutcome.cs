namespace Pipeline.Application.Reminders;

/// <summary>One reminder of a run: the decision, its addressees and what became of it.</summary>
public sealed record ReminderOutcome(
    ReminderDecision Decision, IReadOnlyList<string> To, IReadOnlyList<string> Cc, ReminderDelivery Delivery,
        string? Error = null);

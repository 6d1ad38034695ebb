namespace Pipeline.Application.Ports;

/// <summary>
/// A message the mail server did not take: <see cref="Transient"/> when trying again later may succeed (refused
/// connection, time-out, a 4xx answer), false when the settings or the message must change first (authentication,
/// a 5xx answer). Either way the reminder is recorded as failed and tried again on the next run (RULES.md §12).
/// </summary>
public sealed class MailSendException(string message, bool transient, Exception inner) : Exception(message, inner)
{
    /// <summary>Whether the same message may go through later unchanged.</summary>
    public bool Transient { get; } = transient;
}

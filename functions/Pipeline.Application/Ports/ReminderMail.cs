namespace Pipeline.Application.Ports;

/// <summary>
/// One reminder message: plain text (Japanese, then English), to the department, the secretariat in copy where overdue;
/// <see cref="Tag"/> (plan/department/day) goes in a header so that a message can be traced to its record.
/// </summary>
public sealed record ReminderMail(
    string From, IReadOnlyList<string> To, IReadOnlyList<string> Cc, string Subject, string Body, string Tag);

namespace Pipeline.Application.Reminders;

/// <summary>
/// Settings of the reminders (section <c>Reminders</c>): the sender address, the portal's public address the links
/// point to, and whether a mail server is configured (without one, nothing is sent: a dry run still decides).
/// </summary>
public sealed record ReminderSettings(string From, Uri PortalUrl, bool MailServerConfigured);

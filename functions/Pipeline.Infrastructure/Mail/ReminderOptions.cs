namespace Pipeline.Infrastructure.Mail;

/// <summary>
/// Section <c>Reminders</c> (docs/settings.md): the sender, the portal address the links point to, and the SMTP server
/// (<c>Reminders__Smtp__Host</c> …; in Azure Azure Communication Services Email, its password a Key Vault reference).
/// Without a host nothing is sent.
/// </summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>The sender address (in Azure <c>DoNotReply@…azurecomm.net</c>, the managed domain's).</summary>
    public string From { get; set; } = "";

    /// <summary>The portal's public address (<c>https://host/</c>); the messages link to its page and
    /// templates.</summary>
    public Uri? PortalUrl { get; set; }

    /// <summary>The SMTP server.</summary>
    public SmtpOptions Smtp { get; set; } = new();
}

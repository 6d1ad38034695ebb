namespace Pipeline.Infrastructure.Mail;

/// <summary>The SMTP server reminders go through (section <c>Reminders:Smtp</c>).</summary>
public sealed class SmtpOptions
{
    /// <summary>The host (<c>smtp.azurecomm.net</c>); empty: no mail server, nothing is sent.</summary>
    public string Host { get; set; } = "";

    /// <summary>The port: 587 with STARTTLS (Azure Communication Services, Exchange Online), 25 or 1025
    /// locally.</summary>
    public int Port { get; set; } = 587;

    /// <summary>Require STARTTLS (TLS 1.2+) before authenticating; false only for a local server on loopback.</summary>
    public bool UseStartTls { get; set; } = true;

    /// <summary>The SMTP user name (ACS: the smtpUsernames resource's username); empty: no authentication.</summary>
    public string UserName { get; set; } = "";

    /// <summary>The password (ACS: the Entra application's client secret; in Azure a Key Vault reference).</summary>
    public string Password { get; set; } = "";

    /// <summary>How long one SMTP command may take before the send counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether a server is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

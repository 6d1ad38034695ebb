namespace Pipeline.Application.Ports;

/// <summary>Sends a reminder (by SMTP in the app); a failure to deliver it to the server is a <see
/// cref="MailSendException"/>.</summary>
public interface IReminderMailer
{
    /// <summary>Hands the message to the mail server; throws <see cref="MailSendException"/> when it was not
    /// accepted.</summary>
    Task SendAsync(ReminderMail mail, CancellationToken cancellationToken);
}

using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.Text;
using Pipeline.Application.Ports;

namespace Pipeline.Infrastructure.Mail;

/// <summary>
/// Sends reminders by SMTP with MailKit: UTF-8 plain text, made 7-bit safe (base64) so that any server takes it,
/// STARTTLS
/// and authentication where configured. A failure is a <see cref="MailSendException"/>, transient or not by
/// <see cref="IsTransient"/>; anything else (a bug of ours) is not caught.
/// </summary>
public sealed class SmtpReminderMailer(SmtpOptions options) : IReminderMailer
{
    /// <summary>The header that names the reminder's plan, department and day.</summary>
    public const string TagHeader = "X-Pipeline-Reminder";

    public async Task SendAsync(ReminderMail mail, CancellationToken cancellationToken)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(mail.From));
        message.To.AddRange(mail.To.Select(MailboxAddress.Parse));
        message.Cc.AddRange(mail.Cc.Select(MailboxAddress.Parse));
        message.Subject = mail.Subject;
        message.Headers.Add(TagHeader, mail.Tag);
        var body = new TextPart(TextFormat.Plain);
        body.SetText("utf-8", mail.Body);
        message.Body = body;
        message.Prepare(EncodingConstraint.SevenBit);

        using var smtp = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        try
        {
            await smtp.ConnectAsync(options.Host, options.Port,
                options.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await smtp.AuthenticateAsync(options.UserName, options.Password, cancellationToken);
            }

            await smtp.SendAsync(message, cancellationToken);
            await smtp.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (IsMailFailure(e))
        {
            throw new MailSendException(
                $"SMTP {options.Host}:{options.Port}: {e.GetType().Name}: {e.Message}", IsTransient(e), e);
        }
    }

    /// <summary>
    /// Worth trying again unchanged: nothing listening, a time-out, a dropped connection, a 4xx answer. Not: wrong
    /// credentials, a server without AUTH or STARTTLS, a 5xx answer (a recipient refused), a TLS failure.
    /// </summary>
    public static bool IsTransient(Exception e) => e switch
    {
        SmtpCommandException command => (int)command.StatusCode is >= 400 and < 500,
        SslHandshakeException => false,
        SocketException or TimeoutException or IOException or SmtpProtocolException or ServiceNotConnectedException =>
            true,
        _ => false,
    };

    private static bool IsMailFailure(Exception e) =>
        e is SocketException or TimeoutException or IOException or ProtocolException or CommandException
            or AuthenticationException or ServiceNotConnectedException or ServiceNotAuthenticatedException
            or SslHandshakeException or NotSupportedException;
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Pipeline.Application.Obligations;
using Pipeline.Application.Ports;
using Pipeline.Application.Reminders;
using Pipeline.Infrastructure.Mail;
using Pipeline.Infrastructure.Storage;

namespace Pipeline.Hosting;

/// <summary>Composition of the reminders (RULES.md §12): section <c>Reminders</c>, the contact and reminder tables,
/// SMTP.</summary>
public static class ReminderHostExtensions
{
    /// <summary>Where the links point when neither <c>Reminders:PortalUrl</c> nor <c>Portal:PublicOrigin</c> is set:
    /// <c>pipeline serve</c>.</summary>
    public static readonly Uri LocalPortal = new("http://127.0.0.1:5080/");

    /// <summary>Adds the reminder service and its adapters; a mail server without a sender address stops
    /// start-up.</summary>
    public static IHostApplicationBuilder AddReminders(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ReminderOptions.Section).Get<ReminderOptions>()
            ?? new ReminderOptions();
        if (options.Smtp.IsConfigured && string.IsNullOrWhiteSpace(options.From))
        {
            throw new InvalidOperationException(
                $"Reminders__Smtp__Host is set ({options.Smtp.Host}) but Reminders__From is not: " +
                "set the sender address.");
        }

        var portal = options.PortalUrl
            ?? (Uri.TryCreate(builder.Configuration["Portal:PublicOrigin"], UriKind.Absolute, out var origin) ? origin
                : LocalPortal);
        builder.Services.TryAddSingleton(
            new ReminderSettings(options.From, new Uri(portal.AbsoluteUri.TrimEnd('/') + "/"),
            options.Smtp.IsConfigured));
        builder.Services.TryAddSingleton(options.Smtp);
        builder.Services.TryAddSingleton<IReminderMailer, SmtpReminderMailer>();
        builder.Services.TryAddSingleton<IContactStore, TableContactStore>();
        builder.Services.TryAddSingleton<IReminderLedger, TableReminderLedger>();
        builder.Services.TryAddSingleton<ObligationService>();
        builder.Services.TryAddTransient<ReminderService>();
        return builder;
    }
}

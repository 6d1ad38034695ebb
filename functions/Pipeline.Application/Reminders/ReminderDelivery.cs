using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Application.Reminders;

/// <summary>What became of one decided reminder in a run.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<ReminderDelivery>))]
public enum ReminderDelivery
{
    /// <summary>Decided only (a dry run).</summary>
    DryRun,
    /// <summary>The mail server took it.</summary>
    Sent,
    /// <summary>Sending failed; recorded, tried again next run.</summary>
    Failed,
    /// <summary>An earlier run sent it (or is sending it): nothing sent twice.</summary>
    AlreadySent,
    /// <summary>The department has no contact addresses.</summary>
    NoContacts,
}

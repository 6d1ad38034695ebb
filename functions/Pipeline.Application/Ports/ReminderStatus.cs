using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Application.Ports;

/// <summary>Where a reminder of one department on one day stands (RULES.md §12).</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<ReminderStatus>))]
public enum ReminderStatus
{
    /// <summary>Claimed by a run that is sending it now.</summary>
    Sending,
    /// <summary>The mail server took it.</summary>
    Sent,
    /// <summary>Sending failed; the next run tries again.</summary>
    Failed,
    /// <summary>Not tried again: a newer reminder went to the department, or it owes nothing any more.</summary>
    Superseded,
}

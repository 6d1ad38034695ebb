using Pipeline.Domain.Catalogue;

namespace Pipeline.Application.Reminders;

/// <summary>One result a reminder asks for: an indicator's value or an initiative's evaluation of a fiscal
/// year.</summary>
public sealed record ReminderItem(string Kind, string Id, LocalizedText Name, int FiscalYear);

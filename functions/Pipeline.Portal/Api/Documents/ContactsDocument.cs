namespace Pipeline.Portal.Api.Documents;

/// <summary>
/// <c>GET /api/plans/{planId}/contacts</c> (RULES.md §12): the addresses reminders go to, per department of the plan
/// in the plan's order, and the secretariat's (in copy of overdue reminders). Private: shown to the plan's secretariat
/// only.
/// </summary>
public sealed record ContactsDocument(IReadOnlyList<string> Secretariat, IReadOnlyList<DepartmentContacts> Departments);

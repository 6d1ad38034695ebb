namespace Pipeline.Portal.Api.Documents;

/// <summary>
/// The body of <c>PUT /api/plans/{planId}/contacts</c>: the addresses as a person types them (comma-separated; empty
/// clears them) for the secretariat and for departments by id. Whoever is left out keeps the addresses it has.
/// </summary>
public sealed record ContactsChange(string? Secretariat, IReadOnlyDictionary<string, string>? Departments);

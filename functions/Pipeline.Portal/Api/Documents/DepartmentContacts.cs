using Pipeline.Domain.Catalogue;

namespace Pipeline.Portal.Api.Documents;

/// <summary>One department's contact addresses, with its name to show.</summary>
public sealed record DepartmentContacts(string DepartmentId, LocalizedText Name, IReadOnlyList<string> Addresses);

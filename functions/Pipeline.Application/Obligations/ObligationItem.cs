using Pipeline.Domain.Catalogue;

namespace Pipeline.Application.Obligations;

/// <summary>An indicator value or an initiative evaluation the department owes, per fiscal year.</summary>
public sealed record ObligationItem(string Kind, string Id, LocalizedText Name, IReadOnlyList<ObligationYear> Years);

namespace Pipeline.Domain.Catalogue;

/// <summary>
/// An organisation that runs a plan's initiatives (the city, its social welfare council, a medical
/// association, an NPO): departments belong to one, initiatives name the ones responsible (RULES.md §7).
/// </summary>
public sealed record Organisation(string Id, LocalizedText Name);

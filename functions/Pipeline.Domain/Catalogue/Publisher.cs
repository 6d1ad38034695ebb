namespace Pipeline.Domain.Catalogue;

/// <summary>The publisher of a plan.</summary>
public sealed record Publisher(LocalizedText Name, string LocalGovernmentCode, IReadOnlyList<LocalizedText> Partners);

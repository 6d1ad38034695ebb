namespace Pipeline.Domain.Catalogue;

/// <summary>A measure (事業概要) of a policy direction.</summary>
public sealed record Measure(string Id, string PolicyId, LocalizedText Name, IReadOnlyList<Initiative> Initiatives);

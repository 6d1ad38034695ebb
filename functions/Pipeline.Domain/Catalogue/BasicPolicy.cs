namespace Pipeline.Domain.Catalogue;

/// <summary>A basic policy (基本方針).</summary>
public sealed record BasicPolicy(string Id, LocalizedText Name, IReadOnlyList<PolicyDirection> Policies);

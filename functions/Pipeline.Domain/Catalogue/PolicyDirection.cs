namespace Pipeline.Domain.Catalogue;

/// <summary>A policy direction (施策方針).</summary>
public sealed record PolicyDirection(string Id, string BasicPolicyId, LocalizedText Name,
    IReadOnlyList<Measure> Measures);

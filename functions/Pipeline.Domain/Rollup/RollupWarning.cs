namespace Pipeline.Domain.Rollup;

/// <summary>Something the roll-up noticed and kept for the feed (never an error).</summary>
public sealed record RollupWarning(RollupWarningCode Code, string MessageJa, string MessageEn);

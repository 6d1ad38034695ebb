namespace Pipeline.Infrastructure.Storage;

/// <summary>What one sweep did.</summary>
public sealed record SweepRun(int Uploads, int Rows);

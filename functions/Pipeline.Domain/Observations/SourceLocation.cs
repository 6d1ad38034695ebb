namespace Pipeline.Domain.Observations;

/// <summary>Where a value came from in a file.</summary>
public readonly record struct SourceLocation(string Sheet, int Row, int Column);

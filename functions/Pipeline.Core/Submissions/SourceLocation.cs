namespace Pipeline.Core.Submissions;

/// <summary>Where a value came from in a file.</summary>
public readonly record struct SourceLocation(string Sheet, int Row, int Column);

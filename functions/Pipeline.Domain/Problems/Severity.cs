namespace Pipeline.Domain.Problems;

/// <summary>How bad a problem is: an error rejects the whole file, a warning does not.</summary>
public enum Severity
{
    Error,
    Warning,
}

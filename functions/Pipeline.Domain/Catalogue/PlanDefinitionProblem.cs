namespace Pipeline.Domain.Catalogue;

/// <summary>One thing wrong in a plan-definition file, at a JSON path such as <c>$.indicators[3].owner</c>.</summary>
public sealed record PlanDefinitionProblem(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}

namespace Pipeline.Domain.Catalogue;

/// <summary>A plan-definition file that cannot be used, with every problem found in it.</summary>
public sealed class PlanDefinitionException(string source, IReadOnlyList<PlanDefinitionProblem> problems)
    : Exception($"Plan definition '{source}' has {problems.Count} problem(s):{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", problems))
{
    /// <summary>Where the definition came from (a file name).</summary>
    public string DefinitionSource { get; } = source;

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<PlanDefinitionProblem> Problems { get; } = problems;
}

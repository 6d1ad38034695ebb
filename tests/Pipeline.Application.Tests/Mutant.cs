using Pipeline.Application.Reports;
using Pipeline.Domain.Catalogue;

namespace Pipeline.Application.Tests;

/// <summary>
/// A valid sample file damaged in one known way, with the values it must give if the pipeline accepts it and,
/// where the mutation decides it, the outcome it must have (<c>accepted</c> or the code of its first error), both
/// derived from the original file's values and the mutation (never from reading the mutant).
/// </summary>
public sealed record Mutant(
    int Number, string Department, string FileName, string Mutation, byte[] Content,
    IReadOnlyList<ReportValue> ExpectedIfAccepted, string? ExpectedOutcome = null)
{
    public override string ToString() => $"#{Number} {Department}/{FileName}: {Mutation}";
}

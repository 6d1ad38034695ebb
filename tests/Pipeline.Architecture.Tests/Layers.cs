namespace Pipeline.Architecture.Tests;

/// <summary>
/// The product's layers, lowest first (docs/architecture.md): a project may reference only projects of a
/// lower rank. Development is local tooling beside the stack: it references none of ours, and only the
/// command line and the tests reference it.
/// </summary>
internal static class Layers
{
    public static readonly IReadOnlyDictionary<string, int> Rank = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["Pipeline.Development"] = 0,
        ["Pipeline.Domain"] = 0,
        ["Pipeline.Spreadsheets"] = 1,
        ["Pipeline.Publishing"] = 2,
        ["Pipeline.Application"] = 3,
        ["Pipeline.Infrastructure"] = 4,
        ["Pipeline.Hosting"] = 5,
        ["Pipeline.Portal"] = 6,
        ["Pipeline.Functions"] = 7,
        ["Pipeline.Cli"] = 7,
    };
}

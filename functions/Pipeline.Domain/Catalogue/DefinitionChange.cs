namespace Pipeline.Domain.Catalogue;

/// <summary>
/// An indicator whose definition or method changed (plan-file field <c>definitionChange</c>): values from
/// <see cref="FiscalYear"/> on are not comparable with the baseline, so the final evaluation cannot grade them
/// (RULES.md §11, grade E).
/// </summary>
public sealed record DefinitionChange(FiscalYear FiscalYear, LocalizedText? Note);

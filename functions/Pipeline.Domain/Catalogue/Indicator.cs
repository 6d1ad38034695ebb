namespace Pipeline.Domain.Catalogue;

/// <summary>An outcome indicator (成果指標) of a policy direction.</summary>
public sealed record Indicator(
    IndicatorId Id,
    string PolicyId,
    string BasicPolicyId,
    LocalizedText Name,
    Unit Unit,
    IndicatorKind Kind,
    FiscalYearValue Baseline,
    FiscalYearValue Target,
    DepartmentId OwnerDepartmentId,
    IndicatorDirection Direction = IndicatorDirection.Increase,
    SeriesContinuation? Continues = null,
    decimal Tolerance = 0m,
    DefinitionChange? DefinitionChange = null);

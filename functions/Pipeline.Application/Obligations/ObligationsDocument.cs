namespace Pipeline.Application.Obligations;

/// <summary><c>GET …/obligations</c>: what a department owes, per fiscal year.</summary>
public sealed record ObligationsDocument(
    string PlanId, string DepartmentId, DateTimeOffset AsOf, IReadOnlyList<FiscalYearObligation> FiscalYears,
        IReadOnlyList<ObligationItem> Items);

using Pipeline.Domain.Catalogue;
namespace Pipeline.Application.Obligations;

/// <summary>One fiscal year of one item.</summary>
public sealed record ObligationYear(int FiscalYear, ObligationState State);

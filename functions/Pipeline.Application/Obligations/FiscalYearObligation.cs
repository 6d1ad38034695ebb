using Pipeline.Domain.Catalogue;
namespace Pipeline.Application.Obligations;

/// <summary>One fiscal year's totals for a department: due date and how many items are received, missing or overdue.</summary>
public sealed record FiscalYearObligation(int FiscalYear, DateOnly DueDate, int Received, int Missing, int Overdue);

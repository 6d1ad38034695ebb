namespace Pipeline.Application.Obligations;

/// <summary>
/// One fiscal year's totals for a department: due date and how many items are received, missing or overdue, waiting
/// for the secretariat's review or returned by it (RULES.md §14).
/// </summary>
public sealed record FiscalYearObligation(
    int FiscalYear, DateOnly DueDate, int Received, int Missing, int Overdue, int PendingReview = 0, int Returned = 0);

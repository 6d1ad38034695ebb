namespace Pipeline.Application.Reports;

/// <summary>Row counts of an upload.</summary>
public sealed record ReportCounts(int RowsRead, int RowsSkipped, int Observations, int Evaluations, int Errors,
    int Warnings);

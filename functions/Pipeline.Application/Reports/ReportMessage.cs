namespace Pipeline.Application.Reports;

/// <summary>A message in Japanese and English.</summary>
public sealed record ReportMessage(string Ja, string En);

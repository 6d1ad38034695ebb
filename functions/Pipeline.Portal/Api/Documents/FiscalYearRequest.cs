namespace Pipeline.Portal.Api.Documents;

/// <summary>The body of <c>POST …/fiscal-years/{fy}/confirm</c> and <c>…/reopen</c> (a reason to reopen).</summary>
public sealed record FiscalYearRequest(string? Reason);

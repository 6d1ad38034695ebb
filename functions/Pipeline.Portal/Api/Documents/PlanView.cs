using Pipeline.Core.Catalogue;

namespace Pipeline.Portal.Api.Documents;

/// <summary>One plan of <c>GET /api/plans</c>, shaped as an entry of the feed index (RULES.md §7).</summary>
public sealed record PlanView(string Id, LocalizedText Name, int StartFiscalYear, int EndFiscalYear, PlanLinks Links);

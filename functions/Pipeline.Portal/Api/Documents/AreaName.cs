using Pipeline.Domain.Catalogue;

namespace Pipeline.Portal.Api.Documents;

/// <summary>An area of a plan as the portal shows it: its 全国地方公共団体コード and name.</summary>
public sealed record AreaName(string Code, LocalizedText Name);

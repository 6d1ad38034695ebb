namespace Pipeline.Domain.Catalogue;

/// <summary>An area results are reported for: the whole city or one of its wards, by 全国地方公共団体コード.</summary>
public sealed record Area(AreaCode Code, LocalizedText Name, bool IsWholeCity);

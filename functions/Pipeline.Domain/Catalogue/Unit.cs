using System.Collections.Frozen;

namespace Pipeline.Domain.Catalogue;

/// <summary>A unit of measure and whether its values are percentages or whole counts.</summary>
public sealed record Unit(string Symbol, bool IsPercent)
{
    private static readonly FrozenDictionary<string, Unit> Known = new[]
    {
        new Unit("%", true),
        new Unit("人", false), new Unit("回", false), new Unit("件", false), new Unit("箇所", false),
        new Unit("校区", false), new Unit("団体", false), new Unit("世帯", false), new Unit("施設", false),
        new Unit("か所", false), new Unit("地区", false), new Unit("人日", false),
    }.ToFrozenDictionary(u => u.Symbol, StringComparer.Ordinal);

    /// <summary>Every unit a plan file may use.</summary>
    public static IReadOnlyCollection<string> KnownSymbols => Known.Keys;

    /// <summary>Finds a known unit by its symbol.</summary>
    public static bool TryGet(string symbol, out Unit unit) => Known.TryGetValue(symbol, out unit!);
}

using System.Collections.Frozen;
using Pipeline.Domain.Catalogue;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Spreadsheets.Parsing;

/// <summary>Finds indicators and initiatives by id (any width or case) or by their exact name.</summary>
internal sealed class CatalogueResolver
{
    private readonly FrozenDictionary<string, Indicator> _indicators;
    private readonly FrozenDictionary<string, Initiative> _initiatives;

    public CatalogueResolver(Plan plan)
    {
        var indicators = new Dictionary<string, Indicator>(StringComparer.Ordinal);
        foreach (var indicator in plan.Indicators)
        {
            indicators[JapaneseText.Key(indicator.Id.Value)] = indicator;
            indicators[JapaneseText.NameKey(indicator.Name.Ja)] = indicator;
        }

        var initiatives = new Dictionary<string, Initiative>(StringComparer.Ordinal);
        foreach (var initiative in plan.Initiatives)
        {
            initiatives[JapaneseText.Key(initiative.Id.Value)] = initiative;
            initiatives.TryAdd(JapaneseText.NameKey(initiative.Name.Ja), initiative);
        }

        _indicators = indicators.ToFrozenDictionary(StringComparer.Ordinal);
        _initiatives = initiatives.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public Indicator? Indicator(Cell cell) => _indicators.GetValueOrDefault(KeyOf(cell));

    public Initiative? Initiative(Cell cell) => _initiatives.GetValueOrDefault(KeyOf(cell));

    private static string KeyOf(Cell cell)
    {
        var key = JapaneseText.NameKey(cell.Display);
        return key.StartsWith('【') && key.Contains('】', StringComparison.Ordinal)
            ? key[(key.IndexOf('】', StringComparison.Ordinal) + 1)..] : key;
    }
}

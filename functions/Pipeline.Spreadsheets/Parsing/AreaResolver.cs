using System.Collections.Frozen;
using System.Globalization;
using Pipeline.Domain.Catalogue;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Spreadsheets.Parsing;

/// <summary>
/// Reads an area as departments write it, by the plan's areas: blank, the city's name, its aliases (such as
/// 市全体) or its code for the whole city; a ward by name with or without the city's name in front, or by
/// code, 6-digit or 5-digit.
/// </summary>
public sealed class AreaResolver
{
    private readonly FrozenDictionary<string, Area> _byKey;

    public AreaResolver(Plan plan)
    {
        WholeCity = plan.WholeCity;
        var keys = new Dictionary<string, Area>(StringComparer.Ordinal);
        foreach (var area in plan.Wards.Append(plan.WholeCity))
        {
            keys[JapaneseText.Key(area.Name.Ja)] = area;
            keys[area.Code.Value] = area;
            keys[area.Code.Value[..5]] = area;
            if (area.Name.En is { } en)
            {
                keys[JapaneseText.Key(en)] = area;
            }

            if (!area.IsWholeCity)
            {
                keys[JapaneseText.Key(plan.WholeCity.Name.Ja + area.Name.Ja)] = area;
            }
        }

        foreach (var alias in plan.WholeCityAliases)
        {
            keys[JapaneseText.Key(alias)] = plan.WholeCity;
        }

        _byKey = keys.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The whole city, which a blank area means.</summary>
    public Area WholeCity { get; }

    /// <summary>Reads a cell; false where it names no area of the plan.</summary>
    public bool TryResolve(Cell cell, out Area area)
    {
        if (cell.IsBlank)
        {
            area = WholeCity;
            return true;
        }

        var key = cell.Kind == CellKind.Number
            ? cell.Number.ToString("0", CultureInfo.InvariantCulture)
            : JapaneseText.Key(cell.Text);
        return _byKey.TryGetValue(key, out area!);
    }
}

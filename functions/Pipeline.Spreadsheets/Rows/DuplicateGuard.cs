using System.Collections.Frozen;
using Pipeline.Domain.Catalogue;

namespace Pipeline.Spreadsheets.Rows;

/// <summary>
/// Remembers which indicator / fiscal year / area / month and which initiative / fiscal year a file has
/// given, and where first, so a repeat is reported (<c>RULES.md §2</c>). Observation keys are packed into
/// 64 bits (indicator and area by their catalogue position): exact, and about 20 bytes a row, so a
/// million-row file does not need a million tuples of strings.
/// </summary>
internal sealed class DuplicateGuard(Plan plan)
{
    private readonly FrozenDictionary<string, int> _indicatorPositions =
        plan.Indicators.Select((indicator, i) => (indicator.Id, i)).ToFrozenDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

    private readonly FrozenDictionary<string, int> _areaPositions =
        plan.Wards.Prepend(plan.WholeCity).Select((area, i) => (area.Code, i)).ToFrozenDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);

    private readonly Dictionary<long, int> _observations = [];
    private readonly Dictionary<(string, FiscalYear), int> _evaluations = [];

    /// <summary>Claims an observation's key for a row; false, with the first row, where it was given before.</summary>
    public bool TryClaim(Indicator indicator, FiscalYear fy, Area area, int? month, int row, out int firstRow) =>
        TryClaim(_observations, Key(indicator, fy, area, month), row, out firstRow);

    /// <summary>Claims an evaluation's key for a row; false, with the first row, where it was given before.</summary>
    public bool TryClaim(Initiative initiative, FiscalYear fy, int row, out int firstRow) =>
        TryClaim(_evaluations, (initiative.Id, fy), row, out firstRow);

    private static bool TryClaim<TKey>(Dictionary<TKey, int> seen, TKey key, int row, out int firstRow)
        where TKey : notnull
    {
        if (seen.TryGetValue(key, out firstRow))
        {
            return false;
        }

        seen[key] = row;
        return true;
    }

    /// <summary>indicator position (24 bits) · fiscal year (16) · area position (16) · month (8).</summary>
    private long Key(Indicator indicator, FiscalYear fy, Area area, int? month) =>
        ((long)_indicatorPositions[indicator.Id] << 40) | ((long)(ushort)fy.Value << 24)
        | ((long)(ushort)_areaPositions[area.Code] << 8) | (byte)(month ?? 0);
}

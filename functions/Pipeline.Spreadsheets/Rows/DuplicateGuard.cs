using Pipeline.Domain.Catalogue;

namespace Pipeline.Spreadsheets.Rows;

/// <summary>
/// Remembers which indicator / fiscal year / area / month and which initiative / fiscal year a file has
/// given, and where first, so a repeat is reported (<c>RULES.md §2</c>). Every key a valid row can give lies in
/// the plan (its indicators, the years up to its end, its areas, a month or none), so the first rows are kept in
/// one table of the plan's key space per indicator the file names, allocated when the indicator is first seen:
/// 4 bytes for each key the plan allows, whatever the number of rows, and no rehashing while the file grows.
/// A key outside that space (or an indicator whose space would be large) falls back to a dictionary.
/// </summary>
internal sealed class DuplicateGuard
{
    /// <summary>The largest table of one indicator (years × areas × 13 months); past it, the dictionary.</summary>
    private const int MaxSlots = 16_384;

    private const int Months = 13;

    // Positions as objects, not ints: a dictionary of references is precompiled, one of ints is compiled at run
    // time under ReadyToRun (with its frozen form, a quarter of the methods a 100,000-row file's reading compiled).
    private readonly Dictionary<string, Position> _indicatorPositions;
    private readonly Dictionary<string, Position> _areaPositions;
    private readonly int _firstYear;
    private readonly int _years;
    private readonly int _areas;
    private readonly int[]?[] _firstRows;
    private readonly Dictionary<long, int> _outside = [];
    private readonly Dictionary<(string, FiscalYear), int> _evaluations = [];
    private Indicator? _lastIndicator;
    private int _lastIndicatorPosition;
    private Area? _lastArea;
    private int _lastAreaPosition;

    public DuplicateGuard(Plan plan)
    {
        // Loops, not LINQ over tuples: built once per file, where compiling LINQ's generic code for value tuples
        // at run time cost more than the building (issue 27).
        _indicatorPositions = new Dictionary<string, Position>(plan.Indicators.Count, StringComparer.Ordinal);
        _firstYear = plan.StartFiscalYear.Value;
        for (var i = 0; i < plan.Indicators.Count; i++)
        {
            _indicatorPositions.Add(plan.Indicators[i].Id.Value, new Position(i));
            // An indicator's values are accepted from its baseline year to the plan's end (FileReading.InPlan).
            _firstYear = Math.Min(_firstYear, plan.Indicators[i].Baseline.FiscalYear.Value);
        }

        _areaPositions = new Dictionary<string, Position>(plan.Wards.Count + 1, StringComparer.Ordinal)
        {
            { plan.WholeCity.Code.Value, new Position(0) },
        };
        for (var i = 0; i < plan.Wards.Count; i++)
        {
            _areaPositions.Add(plan.Wards[i].Code.Value, new Position(i + 1));
        }

        _years = Math.Max(0, plan.EndFiscalYear.Value - _firstYear + 1);
        _areas = _areaPositions.Count;
        _firstRows = new int[]?[plan.Indicators.Count];
    }

    /// <summary>Claims an observation's key for a row; false, with the first row, where it was given before.</summary>
    public bool TryClaim(Indicator indicator, FiscalYear fy, Area area, int? month, int row, out int firstRow)
    {
        // Rows count from 1 in every reader; 0 marks a free slot, so where a key is kept must not depend on the row.
        ArgumentOutOfRangeException.ThrowIfLessThan(row, 1);
        // A file gives one indicator's rows, and an area's months, one after the other: the last positions first.
        if (!ReferenceEquals(indicator, _lastIndicator))
        {
            _lastIndicatorPosition = _indicatorPositions[indicator.Id.Value].Index;
            _lastIndicator = indicator;
        }

        if (!ReferenceEquals(area, _lastArea))
        {
            _lastAreaPosition = _areaPositions[area.Code.Value].Index;
            _lastArea = area;
        }

        var position = _lastIndicatorPosition;
        var areaPosition = _lastAreaPosition;
        var year = fy.Value - _firstYear;
        var m = month ?? 0;
        var slots = (long)_years * _areas * Months;
        if (year < 0 || year >= _years || m is < 0 or >= Months || slots > MaxSlots)
        {
            return TryClaim(_outside, Key(position, fy, areaPosition, month), row, out firstRow);
        }

        var table = _firstRows[position] ??= new int[slots];
        ref var slot = ref table[(((year * _areas) + areaPosition) * Months) + m];
        if (slot != 0)
        {
            firstRow = slot;
            return false;
        }

        slot = row;
        firstRow = 0;
        return true;
    }

    /// <summary>Claims an evaluation's key for a row; false, with the first row, where it was given before.</summary>
    public bool TryClaim(Initiative initiative, FiscalYear fy, int row, out int firstRow) =>
        TryClaim(_evaluations, (initiative.Id.Value, fy), row, out firstRow);

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
    private static long Key(int indicator, FiscalYear fy, int area, int? month) =>
        ((long)indicator << 40) | ((long)(ushort)fy.Value << 24) | ((long)(ushort)area << 8) | (byte)(month ?? 0);

    /// <summary>An indicator's or an area's place in the plan's order.</summary>
    private sealed record Position(int Index);
}

using System.Collections.Frozen;
using Pipeline.Core.Catalogue;
using Pipeline.Core.Submissions.Reading;

namespace Pipeline.Core.Submissions;

/// <summary>The columns of a recognised header row (<c>RULES.md §2</c>), long or wide form.</summary>
internal sealed class HeaderMap
{
    private enum Field
    {
        IndicatorId, IndicatorName, InitiativeId, InitiativeName, FiscalYear, Area, Month,
        Value, Numerator, Denominator, Rating, Note,
    }

    private static readonly FrozenDictionary<string, Field> Headers = new Dictionary<string, Field>
    {
        ["指標id"] = Field.IndicatorId, ["指標番号"] = Field.IndicatorId, ["indicator_id"] = Field.IndicatorId,
        ["indicator"] = Field.IndicatorId, ["indicatorid"] = Field.IndicatorId,
        ["指標名"] = Field.IndicatorName, ["成果指標"] = Field.IndicatorName, ["成果指標名"] = Field.IndicatorName,
        ["取組id"] = Field.InitiativeId, ["initiative_id"] = Field.InitiativeId, ["initiative"] = Field.InitiativeId,
        ["取組項目"] = Field.InitiativeName, ["主な取組項目"] = Field.InitiativeName,
        ["年度"] = Field.FiscalYear, ["fiscal_year"] = Field.FiscalYear, ["fiscalyear"] = Field.FiscalYear,
        ["区"] = Field.Area, ["区分"] = Field.Area, ["地域"] = Field.Area, ["area"] = Field.Area,
        ["月"] = Field.Month, ["month"] = Field.Month,
        ["実績値"] = Field.Value, ["実績"] = Field.Value, ["値"] = Field.Value, ["value"] = Field.Value,
        ["分子"] = Field.Numerator, ["numerator"] = Field.Numerator,
        ["分母"] = Field.Denominator, ["denominator"] = Field.Denominator,
        ["評価"] = Field.Rating, ["rating"] = Field.Rating,
        ["備考"] = Field.Note, ["コメント"] = Field.Note, ["note"] = Field.Note, ["comment"] = Field.Note,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private HeaderMap()
    {
    }

    /// <summary>Indicator columns, id columns before name columns.</summary>
    public List<int> IndicatorColumns { get; } = [];

    /// <summary>Initiative columns, id columns before name columns.</summary>
    public List<int> InitiativeColumns { get; } = [];

    public int FiscalYear { get; private set; }
    public int Area { get; private set; }
    public int Month { get; private set; }
    public int Value { get; private set; }
    public int Numerator { get; private set; }
    public int Denominator { get; private set; }
    public int Rating { get; private set; }
    public int Note { get; private set; }

    /// <summary>Wide form: one column per fiscal year, the year in the header.</summary>
    public List<(int Column, FiscalYear FiscalYear)> YearColumns { get; } = [];

    public bool IsWide => FiscalYear == 0 && YearColumns.Count > 0;

    /// <summary>The header row's map, or null where the row is not a header.</summary>
    public static HeaderMap? TryDetect(SheetRow row)
    {
        var map = new HeaderMap();
        var indicatorNames = new List<int>();
        var initiativeNames = new List<int>();
        foreach (var cell in row.Cells)
        {
            var key = cell.Kind == CellKind.Text ? JapaneseText.Key(cell.Text) : "";
            if (key.Length > 0 && Headers.TryGetValue(key, out var field))
            {
                switch (field)
                {
                    case Field.IndicatorId: map.IndicatorColumns.Add(cell.Column); break;
                    case Field.IndicatorName: indicatorNames.Add(cell.Column); break;
                    case Field.InitiativeId: map.InitiativeColumns.Add(cell.Column); break;
                    case Field.InitiativeName: initiativeNames.Add(cell.Column); break;
                    case Field.FiscalYear: map.FiscalYear = First(map.FiscalYear, cell.Column); break;
                    case Field.Area: map.Area = First(map.Area, cell.Column); break;
                    case Field.Month: map.Month = First(map.Month, cell.Column); break;
                    case Field.Value: map.Value = First(map.Value, cell.Column); break;
                    case Field.Numerator: map.Numerator = First(map.Numerator, cell.Column); break;
                    case Field.Denominator: map.Denominator = First(map.Denominator, cell.Column); break;
                    case Field.Rating: map.Rating = First(map.Rating, cell.Column); break;
                    case Field.Note: map.Note = First(map.Note, cell.Column); break;
                }
            }
            else if (FiscalYearParser.TryParse(cell, out var fy))
            {
                map.YearColumns.Add((cell.Column, fy));
            }
        }

        map.IndicatorColumns.AddRange(indicatorNames);
        map.InitiativeColumns.AddRange(initiativeNames);
        var subject = map.IndicatorColumns.Count > 0 || map.InitiativeColumns.Count > 0;
        var values = map.Value > 0 || map.Rating > 0 || map.IsWide;
        var years = map.FiscalYear > 0 || map.IsWide;
        return subject && values && years ? map : null;
    }

    private static int First(int existing, int column) => existing > 0 ? existing : column;
}

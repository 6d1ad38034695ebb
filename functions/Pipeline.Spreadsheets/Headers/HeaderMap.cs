using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Spreadsheets.Parsing;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Spreadsheets.Headers;

/// <summary>
/// The columns of a recognised header row (<c>RULES.md §2</c>): the long form's fields, and the value columns
/// of a wide layout (one per fiscal year, ward or month, with the total column of wards or months).
/// Built from labels, so one or two header rows give the same map.
/// </summary>
internal sealed class HeaderMap
{
    private HeaderMap()
    {
    }

    /// <summary>Indicator columns, id columns before name columns.</summary>
    public List<int> IndicatorColumns { get; } = [];

    /// <summary>Initiative columns, id columns before name columns.</summary>
    public List<int> InitiativeColumns { get; } = [];

    public int FiscalYear { get; private set; }

    /// <summary>An era the fiscal-year heading names (年度（令和）): the cells then hold bare era years.</summary>
    public string? FiscalYearEra { get; private set; }

    public int Area { get; private set; }
    public int Month { get; private set; }
    public int Value { get; private set; }

    /// <summary>The unit the value heading names (実績値（件）), to agree with each indicator's.</summary>
    public string? ValueUnit { get; private set; }

    public int Numerator { get; private set; }
    public int Denominator { get; private set; }
    public int Rating { get; private set; }
    public int Note { get; private set; }

    /// <summary>The value's flag (速報値, 推計, 定義変更), RULES.md §13.</summary>
    public int Flag { get; private set; }

    /// <summary>The commentary columns (評価・要因分析, 課題, 今後の方向性), Japanese and English; 0 where absent.</summary>
    public CommentaryColumns Commentary { get; private set; } = CommentaryColumns.None;

    /// <summary>Wide by year: one column per fiscal year, the year in the header.</summary>
    public List<ValueColumn> YearColumns { get; } = [];

    /// <summary>Wards as columns: one column per ward of the plan.</summary>
    public List<ValueColumn> WardColumns { get; } = [];

    /// <summary>Months as columns: one column per month.</summary>
    public List<ValueColumn> MonthColumns { get; } = [];

    /// <summary>The total over the ward columns (the whole city) or the month columns (the year); 0 where
    /// none.</summary>
    public ValueColumn Total { get; private set; }

    /// <summary>Columns whose headings name the same year, ward or month twice: the header cannot be read.</summary>
    public List<int> Ambiguous { get; } = [];

    public bool IsWide => FiscalYear == 0 && YearColumns.Count > 0;

    /// <summary>The labelled columns of the header: what reading one data row may look up.</summary>
    public int Columns { get; private set; }

    /// <summary>Labels recognised, for choosing the likeliest header row of a refusal.</summary>
    public static int Score(List<(Cell Cell, HeaderLabel Label)> labels)
    {
        var known = 0;
        foreach (var (_, label) in labels)
        {
            known += label.IsKnown ? 1 : 0;
        }

        return known;
    }

    /// <summary>The map of a header's labels, or null where they do not make a header.</summary>
    public static HeaderMap? TryBuild(IReadOnlyList<(int Column, HeaderLabel Label)> labels)
    {
        var map = new HeaderMap { Columns = labels.Count };
        var indicatorNames = new List<int>();
        var initiativeNames = new List<int>();
        var totals = new List<(int Column, string? Unit)>();
        foreach (var (column, label) in labels)
        {
            switch (label.Kind)
            {
                case HeaderLabelKind.Field:
                    map.Set(label, column, indicatorNames, initiativeNames);
                    break;
                case HeaderLabelKind.Year:
                    map.YearColumns.Add(new ValueColumn(column, label.Year, null, null, label.Unit));
                    break;
                case HeaderLabelKind.Ward:
                    map.WardColumns.Add(new ValueColumn(column, null, label.Ward, null, label.Unit));
                    break;
                case HeaderLabelKind.Month:
                    map.MonthColumns.Add(new ValueColumn(column, null, null, label.Month, label.Unit));
                    break;
                case HeaderLabelKind.Total:
                    totals.Add((column, label.Unit));
                    break;
            }
        }

        map.IndicatorColumns.AddRange(indicatorNames);
        map.InitiativeColumns.AddRange(initiativeNames);
        if (totals.Count > 0 && (map.MonthColumns.Count > 0 || map.WardColumns.Count > 0))
        {
            map.Total = new ValueColumn(totals[0].Column, null, null, null, totals[0].Unit);
        }

        map.FindAmbiguities();
        var subject = map.IndicatorColumns.Count > 0 || map.InitiativeColumns.Count > 0;
        var byColumn = map.WardColumns.Count > 0 || map.MonthColumns.Count > 0;
        // A sheet of commentary alone (indicator, 年度, 評価・要因分析 …) is read too (RULES.md §13).
        var values = map.Value > 0 || map.Rating > 0 || map.IsWide
            || ((byColumn || map.Commentary.Any) && map.FiscalYear > 0);
        var years = map.FiscalYear > 0 || map.IsWide;
        return subject && values && years ? map : null;
    }

    private void Set(HeaderLabel label, int column, List<int> indicatorNames, List<int> initiativeNames)
    {
        switch (label.Field)
        {
            case HeaderField.IndicatorId: IndicatorColumns.Add(column); break;
            case HeaderField.IndicatorName: indicatorNames.Add(column); break;
            case HeaderField.InitiativeId: InitiativeColumns.Add(column); break;
            case HeaderField.InitiativeName: initiativeNames.Add(column); break;
            case HeaderField.FiscalYear when FiscalYear == 0: (FiscalYear, FiscalYearEra) = (column, label.Era); break;
            case HeaderField.Area: Area = First(Area, column); break;
            case HeaderField.Month: Month = First(Month, column); break;
            case HeaderField.Value when Value == 0: (Value, ValueUnit) = (column, label.Unit); break;
            case HeaderField.Numerator: Numerator = First(Numerator, column); break;
            case HeaderField.Denominator: Denominator = First(Denominator, column); break;
            case HeaderField.Rating: Rating = First(Rating, column); break;
            case HeaderField.Note: Note = First(Note, column); break;
            case HeaderField.Flag: Flag = First(Flag, column); break;
            default: Commentary = Commentary.With(label.Field, column); break;
        }
    }

    private void FindAmbiguities()
    {
        if (YearColumns.Count < 2 && WardColumns.Count < 2 && MonthColumns.Count < 2)
        {
            // A long form (most files) names no column twice: no grouping to compile and run for it.
            return;
        }

        Ambiguous.AddRange(YearColumns.GroupBy(c => c.Year).Where(g => g.Count() > 1)
            .SelectMany(g => g.Select(c => c.Column)));
        Ambiguous.AddRange(WardColumns.GroupBy(c => c.Ward!.Code).Where(g => g.Count() > 1)
            .SelectMany(g => g.Select(c => c.Column)));
        Ambiguous.AddRange(MonthColumns.GroupBy(c => c.Month).Where(g => g.Count() > 1)
            .SelectMany(g => g.Select(c => c.Column)));
    }

    private static int First(int existing, int column) => existing > 0 ? existing : column;
}

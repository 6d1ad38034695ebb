using Pipeline.Domain.Catalogue;
using Pipeline.Spreadsheets.Headers;
using Pipeline.Spreadsheets.Parsing;
using Pipeline.Spreadsheets.Problems;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Spreadsheets.Rows;

/// <summary>
/// An indicator row (<c>RULES.md §2</c>): the indicator named by id or name and owned by the department,
/// its area and month, then one value (long form), one per fiscal-year column (wide by year), one per ward
/// with the total as the whole city (wards as columns), or one per month with the total checked (months as
/// columns). A unit in a heading must agree with the indicator's.
/// </summary>
internal sealed class IndicatorRows(FileReading context)
{
    private readonly HashSet<(string, int)> _unitReported = [];

    public void Read(SheetRow row, HeaderMap header, List<Cell> indicatorCells)
    {
        var problems = context.Problems;
        Indicator? indicator = null;
        foreach (var cell in indicatorCells)
        {
            indicator = context.Indicator(cell);
            if (indicator is not null)
            {
                break;
            }
        }

        var column = indicatorCells[0].Column;
        if (indicator is null)
        {
            problems.Add(ProblemCatalog.UnknownIndicator(FileReading.At(row, column), indicatorCells[0].Display));
            return;
        }

        if (context.Department is { } department && !Plan.MaySubmit(department, indicator))
        {
            problems.Add(ProblemCatalog.NotOwner(FileReading.At(row, column), indicator.Id.Value,
                department.Id.Value));
            return;
        }

        var areaCell = header.Area > 0 ? row[header.Area] : default;
        if (!context.TryResolveArea(areaCell, out var area))
        {
            problems.Add(
                ProblemCatalog.AreaUnrecognised(FileReading.At(row, header.Area), areaCell.Display,
                    AreaExamples(context.Plan)));
            return;
        }

        var monthCell = header.Month > 0 ? row[header.Month] : default;
        if (!MonthParser.TryParse(monthCell, out var month))
        {
            problems.Add(ProblemCatalog.MonthUnrecognised(FileReading.At(row, header.Month), monthCell.Display));
            return;
        }

        var note = header.Note > 0 && !row[header.Note].IsBlank ? row[header.Note].Display : null;
        var flagCell = header.Flag > 0 ? row[header.Flag] : default;
        if (!FlagParser.TryParse(flagCell, out var flag))
        {
            problems.Add(ProblemCatalog.FlagUnrecognised(FileReading.At(row, header.Flag), flagCell.Display));
            return;
        }

        if (header.IsWide)
        {
            ByYear(row, header, indicator, area, month, new ValueRemarks(note, flag));
            return;
        }

        if (context.FiscalYearOf(row, header.FiscalYear, header.FiscalYearEra) is not { } fy
            || !context.InPlan(row, header.FiscalYear, fy, indicator.Baseline.FiscalYear))
        {
            return;
        }

        CommentaryCells.Read(context, row, header, indicator, fy);
        var remarks = new ValueRemarks(note, flag);
        if (header.WardColumns.Count > 0)
        {
            ByColumn(row, header, header.WardColumns, indicator, fy, area, month, remarks);
        }
        else if (header.MonthColumns.Count > 0)
        {
            ByColumn(row, header, header.MonthColumns, indicator, fy, area, month, remarks);
        }
        else if (header.Value > 0 && UnitAgrees(row, indicator, header.ValueUnit, header.Value))
        {
            ValueRules.Apply(context, row, indicator, fy, area, month, row[header.Value],
                header.Numerator > 0 ? row[header.Numerator] : default,
                header.Denominator > 0 ? row[header.Denominator] : default, remarks);
        }
    }

    /// <summary>
    /// One value per fiscal-year column; the flag and the commentary of the row are about its latest year with a
    /// value. A method of its own: its lambda's closure is made for wide rows only, not on every row (issue 27).
    /// </summary>
    private void ByYear(SheetRow row, HeaderMap header, Indicator indicator, Area area, int? month,
        ValueRemarks remarks)
    {
        var latest = header.YearColumns.Where(y => !row[y.Column].IsBlank).Select(y => y.Year).Max();
        foreach (var year in header.YearColumns)
        {
            if (UnitAgrees(row, indicator, year.Unit ?? header.ValueUnit, year.Column)
                && context.InPlan(row, year.Column, year.Year!.Value, indicator.Baseline.FiscalYear))
            {
                ValueRules.Apply(context, row, indicator, year.Year.Value, area, month, row[year.Column],
                    default, default, remarks with { Flag = year.Year == latest ? remarks.Flag : null });
            }
        }

        if (latest is { } latestYear && latestYear >= indicator.Baseline.FiscalYear
            && latestYear <= context.Plan.EndFiscalYear)
        {
            CommentaryCells.Read(context, row, header, indicator, latestYear);
        }
    }

    /// <summary>
    /// One value per ward or month column, then the total column: over wards it is the whole city's value,
    /// stored; over months it is the year, never stored (the months are). Where every column gave a count,
    /// the total must equal their sum.
    /// </summary>
    private void ByColumn(
        SheetRow row, HeaderMap header, List<ValueColumn> columns, Indicator indicator, FiscalYear fy, Area area,
        int? month, ValueRemarks remarks)
    {
        var overWards = columns == header.WardColumns;
        decimal sum = 0;
        var given = 0;
        foreach (var column in columns)
        {
            if (UnitAgrees(row, indicator, column.Unit ?? header.ValueUnit, column.Column)
                && ValueRules.Apply(context, row, indicator, fy, column.Ward ?? area, column.Month ?? month,
                    row[column.Column], default, default, remarks) is { } value)
            {
                sum += value;
                given++;
            }
        }

        var total = header.Total;
        if (total.Column == 0 || row[total.Column].IsBlank
            || !UnitAgrees(row, indicator, total.Unit ?? header.ValueUnit, total.Column))
        {
            return;
        }

        var at = FileReading.At(row, total.Column);
        if (!indicator.Unit.IsPercent && given == columns.Count
            && ValueParser.Parse(row[total.Column], indicator.Unit, out var stated) == ValueOutcome.Number
                && stated != sum)
        {
            context.Problems.Add(ProblemCatalog.TotalMismatch(at, stated, sum, overWards));
            return;
        }

        if (overWards)
        {
            ValueRules.Apply(context, row, indicator, fy, context.Plan.WholeCity, month, row[total.Column],
                default, default, remarks);
        }
    }

    /// <summary>False, reported once per indicator and column, where a heading's unit contradicts the
    /// indicator's.</summary>
    private bool UnitAgrees(SheetRow row, Indicator indicator, string? headerUnit, int column)
    {
        if (headerUnit is null || headerUnit == JapaneseText.Key(indicator.Unit.Symbol)
            || (headerUnit == "%" && indicator.Unit.IsPercent))
        {
            return true;
        }

        if (_unitReported.Add((indicator.Id.Value, column)))
        {
            context.Problems.Add(
                ProblemCatalog.UnitMismatch(FileReading.At(row, column), headerUnit, indicator.Id.Value,
                    indicator.Unit.Symbol));
        }

        return false;
    }

    /// <summary>How the plan's areas may be written, as examples: its first ward by name and code, then the whole
    /// city.</summary>
    private static string[] AreaExamples(Plan plan) =>
        plan.Wards.Count > 0
            ? [plan.Wards[0].Name.Ja, plan.Wards[0].Code.Value,
                plan.WholeCityAliases.Count > 0 ? plan.WholeCityAliases[0]
                : plan.WholeCity.Name.Ja]
            : [plan.WholeCity.Name.Ja, plan.WholeCity.Code.Value];
}

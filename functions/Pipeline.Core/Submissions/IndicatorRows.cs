using Pipeline.Core.Catalogue;
using Pipeline.Core.Submissions.Reading;

namespace Pipeline.Core.Submissions;

/// <summary>
/// An indicator row (<c>RULES.md §2</c>): the indicator named by id or name and owned by the department,
/// its area and month, then one value (long form) or one per fiscal-year column (wide form).
/// </summary>
internal sealed class IndicatorRows(RowContext context)
{
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
            problems.Add(ProblemCatalog.UnknownIndicator(RowContext.At(row, column), indicatorCells[0].Display));
            return;
        }

        if (context.Department is { } department && !Plan.MaySubmit(department, indicator))
        {
            problems.Add(ProblemCatalog.NotOwner(RowContext.At(row, column), indicator.Id, department.Id));
            return;
        }

        var areaCell = header.Area > 0 ? row[header.Area] : default;
        if (!context.TryResolveArea(areaCell, out var area))
        {
            problems.Add(ProblemCatalog.AreaUnrecognised(RowContext.At(row, header.Area), areaCell.Display));
            return;
        }

        var monthCell = header.Month > 0 ? row[header.Month] : default;
        if (!MonthParser.TryParse(monthCell, out var month))
        {
            problems.Add(ProblemCatalog.MonthUnrecognised(RowContext.At(row, header.Month), monthCell.Display));
            return;
        }

        var note = header.Note > 0 && !row[header.Note].IsBlank ? row[header.Note].Display : null;
        if (header.IsWide)
        {
            foreach (var (yearColumn, fiscalYear) in header.YearColumns)
            {
                if (context.InPlan(row, yearColumn, fiscalYear, indicator.Baseline.FiscalYear))
                {
                    ValueRules.Apply(context, row, indicator, fiscalYear, area, month, row[yearColumn], default, default, note);
                }
            }

            return;
        }

        if (context.FiscalYearOf(row, header.FiscalYear) is { } fy && context.InPlan(row, header.FiscalYear, fy, indicator.Baseline.FiscalYear))
        {
            ValueRules.Apply(context, row, indicator, fy, area, month, row[header.Value],
                header.Numerator > 0 ? row[header.Numerator] : default,
                header.Denominator > 0 ? row[header.Denominator] : default, note);
        }
    }
}

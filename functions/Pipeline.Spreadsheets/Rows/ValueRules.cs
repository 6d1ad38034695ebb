using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Spreadsheets.Problems;
using Pipeline.Spreadsheets.Reading;
using Pipeline.Spreadsheets.Parsing;

namespace Pipeline.Spreadsheets.Rows;

/// <summary>
/// The rules of <c>RULES.md §2</c> for one value cell (with its numerator and denominator): a number, in
/// range, whole for counts, the ratio computed and compared, and given once per indicator / FY / area / month.
/// </summary>
internal static class ValueRules
{
    /// <summary>Checks a value and adds the observation to the output (and returns its value), or the problem to the
    /// list.</summary>
    public static decimal? Apply(FileReading context, SheetRow row, Indicator indicator, FiscalYear fy, Area area,
        int? month,
        in Cell valueCell, in Cell numeratorCell, in Cell denominatorCell, ValueRemarks remarks)
    {
        var problems = context.Problems;
        var at = FileReading.At(row, valueCell.Column > 0 ? valueCell.Column : 0);
        var outcome = ValueParser.Parse(valueCell, indicator.Unit, out var value);
        decimal? numerator = null, denominator = null;
        if (!numeratorCell.IsBlank || !denominatorCell.IsBlank)
        {
            var ratioAt = FileReading.At(row, numeratorCell.IsBlank ? denominatorCell.Column : numeratorCell.Column);
            if (indicator.Kind != IndicatorKind.Ratio)
            {
                problems.Add(ProblemCatalog.RatioNotApplicable(ratioAt));
                return null;
            }

            if (ValueParser.Parse(numeratorCell, null, out var n) != ValueOutcome.Number
                || ValueParser.Parse(denominatorCell, null, out var d) != ValueOutcome.Number)
            {
                problems.Add(ProblemCatalog.RatioIncomplete(ratioAt));
                return null;
            }

            if (d <= 0 || n < 0)
            {
                problems.Add(ProblemCatalog.DenominatorZero(ratioAt));
                return null;
            }

            var computed = Math.Round(100m * n / d, 1, MidpointRounding.AwayFromZero);
            if (outcome == ValueOutcome.Number && Math.Abs(value - computed) > 0.05m)
            {
                problems.Add(ProblemCatalog.RatioMismatch(at, value, computed));
                return null;
            }

            (numerator, denominator, value, outcome) =
                (n, d, outcome == ValueOutcome.Number ? value : computed, ValueOutcome.Number);
        }

        if (Refused(context, at, valueCell, outcome, indicator.Unit, value))
        {
            return null;
        }

        if (!context.Duplicates.TryClaim(indicator, fy, area, month, row.Row, out var firstRow))
        {
            problems.Add(ProblemCatalog.DuplicateRow(at, firstRow));
            return null;
        }

        context.Output.Add(new Observation(indicator.Id.Value, fy, area.Code.Value, month, value, numerator,
            denominator, remarks.Note, new SourceLocation(row.Sheet, row.Row, at.Column), remarks.Flag));
        return value;
    }

    /// <summary>True where the value is not stored: no value (a warning), or an error added.</summary>
    private static bool Refused(FileReading context, SourceLocation at, in Cell valueCell, ValueOutcome outcome,
        Unit unit, decimal value)
    {
        var problems = context.Problems;
        switch (outcome)
        {
            case ValueOutcome.NoValue:
                problems.Add(ProblemCatalog.ValueMissing(at));
                context.Output.RowsSkipped++;
                return true;
            case ValueOutcome.NotNumeric:
                problems.Add(ProblemCatalog.ValueNotNumeric(at, valueCell.Display));
                return true;
            case ValueOutcome.FormulaWithoutValue:
                problems.Add(ProblemCatalog.FormulaWithoutValue(at));
                return true;
            case ValueOutcome.CellError:
                problems.Add(ProblemCatalog.CellError(at, valueCell.Display));
                return true;
        }

        if (unit.IsPercent && value is < 0 or > 100)
        {
            problems.Add(ProblemCatalog.PercentOutOfRange(at, value));
            return true;
        }

        if (!unit.IsPercent && value < 0)
        {
            problems.Add(ProblemCatalog.ValueNegative(at, value));
            return true;
        }

        if (!unit.IsPercent && value != decimal.Truncate(value))
        {
            problems.Add(ProblemCatalog.CountNotInteger(at, value, unit.Symbol));
            return true;
        }

        return false;
    }
}

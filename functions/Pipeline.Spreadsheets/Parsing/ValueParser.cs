using System.Globalization;
using Pipeline.Domain.Catalogue;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Spreadsheets.Parsing;

/// <summary>
/// Reads a value cell by <c>RULES.md §2</c>: numeric cells as they are (a %-formatted cell of a % indicator
/// times 100); text after NFKC with thousands separators and the unit removed; dashes mean no value.
/// Decimals all the way: a value is never a double once read.
/// </summary>
public static class ValueParser
{
    private static readonly HashSet<string> NoValueMarks = new(StringComparer.Ordinal)
    {
        "", "-", "－", "—", "―", "ー", "‐", "…", "...", "x", "X", "×", "―――", "--",
    };

    public static ValueOutcome Parse(in Cell cell, Unit? unit, out decimal value)
    {
        value = 0;
        switch (cell.Kind)
        {
            case CellKind.Empty:
                return ValueOutcome.NoValue;
            case CellKind.Error:
                return cell.Text == Cell.FormulaWithoutValue ? ValueOutcome.FormulaWithoutValue
                    : ValueOutcome.CellError;
            case CellKind.Number:
                if (!double.IsFinite(cell.Number) || Math.Abs(cell.Number) > 1e15)
                {
                    return ValueOutcome.NotNumeric;
                }

                var percent = cell.IsPercentFormat && unit?.IsPercent == true;
                if (!percent && cell.Number >= 1 && cell.Number == Math.Floor(cell.Number))
                {
                    // A count (a whole number up to 10^15, exact as a long): the decimal the conversion from double
                    // gives, without converting (issue 27, eighth pass).
                    value = InvariantDecimal.Normalize((long)cell.Number);
                    return ValueOutcome.Number;
                }

                value = InvariantDecimal.Normalize((decimal)cell.Number * (percent ? 100m : 1m));
                return ValueOutcome.Number;
            case CellKind.Boolean or CellKind.Date:
                return ValueOutcome.NotNumeric;
        }

        // The common case first: a count of up to fifteen digits (every CSV cell of a count), then any plain number.
        if (AsciiWholeNumber.TryParse(cell.Text, out var whole))
        {
            value = InvariantDecimal.Normalize(whole);
            return ValueOutcome.Number;
        }

        if (decimal.TryParse(cell.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value))
        {
            value = InvariantDecimal.Normalize(value);
            return ValueOutcome.Number;
        }

        var text = JapaneseText.Normalize(cell.Text);
        if (NoValueMarks.Contains(text))
        {
            return ValueOutcome.NoValue;
        }

        text = text.Replace(",", "", StringComparison.Ordinal).Replace("、", "", StringComparison.Ordinal);
        if (unit is not null && text.EndsWith(unit.Symbol, StringComparison.Ordinal))
        {
            text = text[..^unit.Symbol.Length].TrimEnd();
        }
        else if (text.EndsWith('%') && unit?.IsPercent == true)
        {
            text = text[..^1].TrimEnd();
        }

        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value))
        {
            value = InvariantDecimal.Normalize(value);
            return ValueOutcome.Number;
        }

        return ValueOutcome.NotNumeric;
    }
}

using System.Globalization;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Spreadsheets.Parsing;

/// <summary>Reads a month: 1–12, 4月, ４月.</summary>
public static class MonthParser
{
    public static bool TryParse(in Cell cell, out int? month)
    {
        month = null;
        if (cell.IsBlank)
        {
            return true;
        }

        if (cell.Kind == CellKind.Number && cell.Number == Math.Floor(cell.Number) && cell.Number is >= 1 and <= 12)
        {
            month = (int)cell.Number;
            return true;
        }

        if (cell.Kind == CellKind.Date)
        {
            month = cell.Date.Month;
            return true;
        }

        // Digits alone (every month of a CSV) need no normalising: a month of them or none.
        if (AsciiWholeNumber.TryParse(cell.Text, out var digits))
        {
            month = digits is >= 1 and <= 12 ? (int)digits : null;
            return month is not null;
        }

        var text = JapaneseText.Normalize(cell.Text);
        text = text.EndsWith('月') ? text[..^1] : text;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12)
        {
            month = m;
            return true;
        }

        return false;
    }
}

using System.Globalization;

namespace Pipeline.Spreadsheets.Parsing;

/// <summary>Decimal helpers: trailing zeros removed so 95.10 and 95.1 store alike.</summary>
public static class InvariantDecimal
{
    /// <summary>
    /// The value without trailing zeros; a whole number written without decimals (most counts) has none to remove.
    /// Zero keeps the division, as before.
    /// </summary>
    public static decimal Normalize(decimal value) =>
        value.Scale == 0 && value != 0 ? value : value / 1.0000000000000000000000000000m;

    public static string Format(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);

    public static decimal Parse(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}

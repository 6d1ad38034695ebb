using System.Globalization;

namespace Pipeline.Domain.Catalogue;

/// <summary>A day of the year without the year, written <c>MM-dd</c> in a plan file (<c>"05-01"</c>).</summary>
public readonly record struct MonthDay(int Month, int Day)
{
    /// <summary>Reads <c>MM-dd</c>; false for anything else, and for 29 February (not in every year).</summary>
    public static bool TryParse(string? text, out MonthDay value)
    {
        value = default;
        if (text is not { Length: 5 } || text[2] != '-'
            || !int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2023, month))
        {
            return false;
        }

        value = new MonthDay(month, day);
        return true;
    }

    /// <summary>This day in <paramref name="year"/>.</summary>
    public DateOnly In(int year) => new(year, Month, Day);

    /// <inheritdoc />
    public override string ToString() => $"{Month:00}-{Day:00}";
}

using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Domain.Catalogue;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Spreadsheets.Parsing;

/// <summary>
/// Reads a fiscal year as departments write it: 2021, 2021年度, FY2021, 令和3年度, R3, 令和元年度,
/// H30, 平成31年度, 令和3年度（2021年度）, or a date (the FY it falls in). Era years go through
/// <see cref="JapaneseCalendar"/>, not a hand-written table. A text longer than <see cref="MaxLength"/> characters
/// is no fiscal year, so reading one costs no more than its length.
/// </summary>
public static partial class FiscalYearParser
{
    /// <summary>The longest fiscal year text, after NFKC and without spaces (令和10年度(2028年度) has 14).</summary>
    public const int MaxLength = 32;

    private static readonly JapaneseCalendar Calendar = new();
    private static readonly DateTimeFormatInfo EraNames = CreateEraNames();

    /// <summary>
    /// The calendar's own era names, full and abbreviated (令和, 令), by exact text: found without
    /// <see cref="DateTimeFormatInfo.GetEra"/>, whose culture-aware comparison loads ICU's Japanese collation on first
    /// use (a fifth of a 100,000-row file's reading time in the issue-27 profile). Other names (R, H) still go there.
    /// </summary>
    private static readonly (string[] Names, int[] Eras) EraByName = CreateEraByName();

    /// <summary>Reads a cell; false where it is not a fiscal year.</summary>
    public static bool TryParse(Cell cell, out FiscalYear fiscalYear)
    {
        fiscalYear = default;
        switch (cell.Kind)
        {
            case CellKind.Date:
                fiscalYear = FiscalYear.Containing(DateOnly.FromDateTime(cell.Date));
                return true;
            case CellKind.Number when cell.Number == Math.Floor(cell.Number) && cell.Number is >= 1900 and <= 2200:
                fiscalYear = new FiscalYear((int)cell.Number);
                return true;
            case CellKind.Text:
                return TryParse(cell.Text, out fiscalYear);
            default:
                return false;
        }
    }

    /// <summary>Reads text; false where it is not a fiscal year.</summary>
    public static bool TryParse(string? text, out FiscalYear fiscalYear)
    {
        fiscalYear = default;
        var s = JapaneseText.Normalize(text).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (s.Length is 0 or > MaxLength)
        {
            return false;
        }

        // 令和3年度(2021年度): both halves must agree.
        if (Paired(s) is var (first, second))
        {
            return TryParse(first, out fiscalYear) && TryParse(second, out var other) && other == fiscalYear;
        }

        var western = Western().Match(s);
        if (western.Success)
        {
            fiscalYear = new FiscalYear(int.Parse(western.Groups[1].Value, CultureInfo.InvariantCulture));
            return true;
        }

        var era = Era().Match(s);
        if (era.Success)
        {
            var year = era.Groups[2].Value == "元" ? 1 : int.Parse(era.Groups[2].Value, CultureInfo.InvariantCulture);
            return TryFromEra(era.Groups[1].Value, year, out fiscalYear);
        }

        if (DateTime.TryParseExact(s, ["yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyy年M月d日"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var date))
        {
            fiscalYear = FiscalYear.Containing(DateOnly.FromDateTime(date));
            return true;
        }

        return false;
    }

    /// <summary>
    /// A fiscal year in era notation, as the template offers it: 令和元年度, 令和3年度, 平成30年度. The era is
    /// the one in force on 31 December of the year the fiscal year starts (so FY2019 is 令和元年度), from
    /// <see cref="JapaneseCalendar"/>; this parser reads the text back to the same fiscal year.
    /// </summary>
    public static string ToEraText(FiscalYear fiscalYear)
    {
        var date = new DateTime(fiscalYear.Value, 12, 31, 0, 0, 0, DateTimeKind.Unspecified);
        var era = Calendar.GetEra(date);
        var year = Calendar.GetYear(date);
        var yearText = year == 1 ? "元" : year.ToString(CultureInfo.InvariantCulture);
        return $"{EraNames.GetEraName(era)}{yearText}年度";
    }

    private static bool TryFromEra(string eraName, int year, out FiscalYear fiscalYear)
    {
        fiscalYear = default;
        var named = Array.IndexOf(EraByName.Names, eraName);
        var era = named >= 0 ? EraByName.Eras[named] : EraNames.GetEra(eraName);
        if (era <= 0 || year is < 1 or > 99)
        {
            return false;
        }

        // The Gregorian year of the era's first year, from the calendar itself; year N follows on.
        // Every era was in force on 31 December of its first year.
        var first = Calendar.ToDateTime(1, 12, 31, 0, 0, 0, 0, era).Year;
        fiscalYear = new FiscalYear(first + year - 1);
        return true;
    }

    /// <summary>
    /// Each era's full and abbreviated name with its era, the first era (in the calendar's order) keeping a name two
    /// share: a dozen names, found by an ordinal scan (<see cref="Array.IndexOf{T}(T[], T)"/>), in plain arrays rather
    /// than LINQ over tuples and a frozen dictionary of ints, which were compiled at run time for a table built once.
    /// </summary>
    private static (string[] Names, int[] Eras) CreateEraByName()
    {
        var eras = Calendar.Eras;
        var names = new string[eras.Length * 2];
        var ofName = new int[eras.Length * 2];
        var count = 0;
        foreach (var era in eras)
        {
            foreach (var name in new[] { EraNames.GetEraName(era), EraNames.GetAbbreviatedEraName(era) })
            {
                if (name.Length > 0 && Array.IndexOf(names, name, 0, count) < 0)
                {
                    names[count] = name;
                    ofName[count++] = era;
                }
            }
        }

        return (names[..count], ofName[..count]);
    }

    private static DateTimeFormatInfo CreateEraNames()
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("ja-JP").Clone();
        culture.DateTimeFormat.Calendar = Calendar;
        return culture.DateTimeFormat;
    }

    [GeneratedRegex(@"^(?:FY)?(\d{4})(?:年度|年)?$")]
    private static partial Regex Western();

    [GeneratedRegex(@"^(令和|平成|昭和|R|H|S|令|平)(\d{1,2}|元)(?:年度|年)?$")]
    private static partial Regex Era();

    /// <summary>
    /// <c>first(second)</c>: the first opening bracket after the first character, the text ending in the closing
    /// one, neither part empty. One scan, no backtracking.
    /// </summary>
    private static (string First, string Second)? Paired(string s)
    {
        if (s.Length < 4 || s[^1] != ')')
        {
            return null;
        }

        var open = s.IndexOf('(', 1);
        return open >= 1 && open <= s.Length - 3 ? (s[..open], s[(open + 1)..^1]) : null;
    }
}

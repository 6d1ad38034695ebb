using Pipeline.Domain.Calendar;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Rollup;

namespace Pipeline.Domain.Progress;

/// <summary>
/// RULES.md §4, partial years: a fiscal year is partial while it has not ended (judged in JST), for
/// a <c>flow</c> reported by month while months are missing, and while the roll-up marks it partial for missing
/// wards (<see cref="FiscalYearActual.WardsMissing"/>: some wards and no whole-city value). The headline comes from the
/// latest complete year; a later partial year is shown as year to date and never drives a status.
/// </summary>
public static class PartialYears
{
    /// <summary>Whether a fiscal year's value is complete at <paramref name="now"/>.</summary>
    public static bool IsComplete(Indicator indicator, FiscalYearActual actual, DateTimeOffset now)
    {
        var ended = JapanCalendar.HasEnded(actual.FiscalYear, JapanCalendar.DayOf(now));
        var monthsMissing = indicator.Kind == IndicatorKind.Flow && actual.MonthsReported is < 12;
        return ended && !monthsMissing && !actual.WardsMissing;
    }

    /// <summary>The latest complete year with a value (the headline), and a later partial one with a value (year to
    /// date).</summary>
    public static (FiscalYearActual? Headline, FiscalYearActual? YearToDate) Split(
        Indicator indicator, IReadOnlyList<FiscalYearActual> actuals, DateTimeOffset now)
    {
        var withValues = actuals.Where(a => a.Value is not null).ToList();
        var headline = withValues.LastOrDefault(a => IsComplete(indicator, a, now));
        var yearToDate =
            withValues.LastOrDefault(a => !IsComplete(indicator, a, now)
                && (headline is null || a.FiscalYear > headline.FiscalYear));
        return (headline, yearToDate);
    }
}

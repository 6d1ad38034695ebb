using Microsoft.Extensions.Time.Testing;
using Pipeline.Domain.Calendar;
using Pipeline.Domain.Catalogue;

namespace Pipeline.Domain.Tests;

/// <summary>The Japan calendar: days in JST, fiscal years from April, results due 30 June after a fiscal year closes.</summary>
public sealed class JapanCalendarTests
{
    [Theory]
    [InlineData("2025-03-31T14:59:59+00:00", "2025-03-31", 2024)] // 23:59:59 JST on 31 March
    [InlineData("2025-03-31T15:00:00+00:00", "2025-04-01", 2025)] // midnight JST: a new day and fiscal year
    [InlineData("2025-01-01T00:00:00+09:00", "2025-01-01", 2024)]
    public void Today_and_its_fiscal_year_are_judged_in_jst(string utc, string day, int fiscalYear)
    {
        var instant = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
        var calendar = new JapanCalendar(new FakeTimeProvider(instant));
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), calendar.Today);
        Assert.Equal(new FiscalYear(fiscalYear), JapanCalendar.FiscalYearOf(calendar.Today));
        Assert.Equal(TimeSpan.FromHours(9), calendar.Now.Offset);
        Assert.Equal(instant, calendar.Now);
    }

    [Fact]
    public void A_fiscal_years_results_are_due_30_june_after_it_closes()
    {
        var calendar = new JapanCalendar(new FakeTimeProvider());
        Assert.Equal(new DateOnly(2025, 6, 30), calendar.ResultsDueDate(new FiscalYear(2024)));
        Assert.False(calendar.IsPastDue(new FiscalYear(2024), new DateOnly(2025, 6, 30)));
        Assert.True(calendar.IsPastDue(new FiscalYear(2024), new DateOnly(2025, 7, 1)));
        Assert.Equal(new DateOnly(2025, 5, 31), new JapanCalendar(new FakeTimeProvider(), new MonthDay(5, 31))
            .ResultsDueDate(new FiscalYear(2024)));
    }

    [Fact]
    public void A_fiscal_year_ends_on_31_march()
    {
        Assert.False(JapanCalendar.HasEnded(new FiscalYear(2024), new DateOnly(2025, 3, 31)));
        Assert.True(JapanCalendar.HasEnded(new FiscalYear(2024), new DateOnly(2025, 4, 1)));
    }
}

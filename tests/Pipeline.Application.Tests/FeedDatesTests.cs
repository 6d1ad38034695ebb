using Microsoft.Extensions.Time.Testing;
using Pipeline.Application.Ports;
using Pipeline.Domain.Calendar;
using Pipeline.Domain.Catalogue;

namespace Pipeline.Application.Tests;

/// <summary>
/// A plan's feed dates (RULES.md §4 and §7) are a type stored in the text a publication record has always held, so a
/// deployed record compares equal after the update and the plan is not computed again for nothing.
/// </summary>
public sealed class FeedDatesTests
{
    private static readonly Plan FourthPlan = BuiltInPlans.Default; // FY2020–2024, results due 06-30

    [Theory]
    [InlineData("2020-05-01T12:00:00+09:00", "due:-;status:Active;ended:2019;rule:06-30")]
    [InlineData("2023-06-30T23:59:00+09:00", "due:2021;status:Active;ended:2022;rule:06-30")]
    [InlineData("2023-07-01T00:00:00+09:00", "due:2022;status:Active;ended:2022;rule:06-30")]
    [InlineData("2025-07-01T00:00:00+09:00", "due:2024;status:Closed;ended:2024;rule:06-30")]
    public void The_dates_at_an_instant_are_stored_as_before_and_read_back(string instant, string stored)
    {
        var now = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
        var dates = FeedDates.Of(FourthPlan, new JapanCalendar(new FakeTimeProvider(now)), now);
        Assert.Equal(stored, dates.Text);
        Assert.Equal(dates, FeedDates.Parse(stored));
    }

    [Fact]
    public void Another_due_rule_is_other_dates()
    {
        var now = new DateTimeOffset(2023, 6, 15, 0, 0, 0, JapanCalendar.Offset);
        var june = FeedDates.Of(FourthPlan, new JapanCalendar(new FakeTimeProvider(now)), now);
        var may = FeedDates.Of(FourthPlan, new JapanCalendar(new FakeTimeProvider(now), new MonthDay(5, 31)), now);
        Assert.Equal(("due:2021;status:Active;ended:2022;rule:06-30", "due:2022;status:Active;ended:2022;rule:05-31"),
            (june.Text, may.Text));
        Assert.NotEqual(june, may);
    }

    [Theory]
    [InlineData("")]
    [InlineData("due:2024;status:Closed;ended:2024")]
    [InlineData("due:2024;status:closed;ended:2024;rule:06-30")]
    [InlineData("due:24;status:Closed;ended:2024;rule:06-30")]
    [InlineData("due:2024;status:Closed;ended:2024;rule:6-30")]
    [InlineData("status:Closed;due:2024;ended:2024;rule:06-30")]
    [InlineData("due:2024;status:2;ended:2024;rule:06-30")]
    public void Text_in_any_other_form_is_no_dates(string stored) => Assert.Null(FeedDates.Parse(stored));
}

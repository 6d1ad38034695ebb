using Microsoft.Extensions.Time.Testing;
using Pipeline.Domain.Calendar;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Reminders;

namespace Pipeline.Domain.Tests;

/// <summary>
/// RULES.md §12, the days of reminders. The 4th plan (FY2020–FY2024) has no <c>reminders</c> section, so its dates are
/// 05-01, 06-01 and 06-20; FY2024's results are due 30 June 2025, FY2023's 30 June 2024.
/// </summary>
public sealed class ReminderCalendarTests
{
    private static readonly Plan Fourth = BuiltInPlans.Default;
    private static readonly JapanCalendar Calendar = new(new FakeTimeProvider()); // the day is given; the clock is not read

    private static string On(Plan plan, int year, int month, int day) =>
        string.Join("; ", ReminderCalendar.On(plan, new DateOnly(year, month, day), Calendar)
            .Select(o => $"{o.Kind} {o.FiscalYear?.ToString() ?? "-"} due {o.DueDate:yyyy-MM-dd}"));

    [Fact]
    public void Before_the_due_date_on_each_of_the_default_dates_for_the_fiscal_year_due()
    {
        Assert.Equal(ReminderDates.Default, Fourth.Reminders);
        Assert.Equal("BeforeDue 2024 due 2025-06-30", On(Fourth, 2025, 5, 1));
        // (1 June is also 336 = 48 × 7 days after FY2023's due date 30 June 2024: see the test of both kinds below.)
        Assert.Equal("BeforeDue 2024 due 2025-06-30; Overdue - due 2024-06-30", On(Fourth, 2025, 6, 1));
        Assert.Equal("BeforeDue 2024 due 2025-06-30", On(Fourth, 2025, 6, 20));
        Assert.Equal("BeforeDue 2020 due 2021-06-30", On(Fourth, 2021, 5, 1));
        // Any other day before the due date, and the due date itself (still on time), is no occasion.
        Assert.Equal("", On(Fourth, 2025, 5, 2));
        Assert.Equal("", On(Fourth, 2025, 6, 30));
    }

    [Fact]
    public void After_the_due_date_every_seventh_day_for_whatever_is_overdue()
    {
        // 30 June 2025 + 7 = 7 July, + 14 = 14 July, + 70 = 8 September; 8 July is 8 days after: none.
        Assert.Equal("Overdue - due 2025-06-30", On(Fourth, 2025, 7, 7));
        Assert.Equal("Overdue - due 2025-06-30", On(Fourth, 2025, 7, 14));
        Assert.Equal("Overdue - due 2025-06-30", On(Fourth, 2025, 9, 8));
        Assert.Equal("", On(Fourth, 2025, 7, 8));
        // A year on the plan is closed and nothing new falls due: weekly from its last due date while items stay overdue
        // (2026-06-29 is 364 = 52 × 7 days after 2025-06-30).
        Assert.Equal("Overdue - due 2025-06-30", On(Fourth, 2026, 6, 29));
        // Within the plan, the weeks count from the latest due date passed: 2022-07-07 is 7 days after FY2021's.
        Assert.Equal("Overdue - due 2022-06-30", On(Fourth, 2022, 7, 7));
    }

    [Fact]
    public void Both_kinds_fall_on_one_day_when_a_week_after_one_due_date_is_a_reminder_date_before_the_next()
    {
        // 2022-06-30 (FY2021 due) … 2023-06-01 is 336 = 48 × 7 days later, and 06-01 is before FY2022's due date.
        Assert.Equal("BeforeDue 2022 due 2023-06-30; Overdue - due 2022-06-30", On(Fourth, 2023, 6, 1));
    }

    [Fact]
    public void A_plan_names_its_own_dates_and_a_date_that_is_not_mm_dd_is_refused()
    {
        // Plans/final-grades-test-plan.json: "before": ["06-15", "04-10"], kept in calendar order.
        var plan = DirectionTests.Load("final-grades-test-plan.json");
        Assert.Equal([new MonthDay(4, 10), new MonthDay(6, 15)], plan.Reminders.Before);
        Assert.Equal("BeforeDue 2023 due 2024-06-30", On(plan, 2024, 4, 10));
        Assert.Equal("", On(plan, 2024, 5, 1));

        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Plans", "final-grades-test-plan.json"))
            .Replace("[\"06-15\", \"04-10\"]", "[\"06-15\", \"6/1\", \"02-29\"]", StringComparison.Ordinal);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        var e = Assert.Throws<PlanDefinitionException>(() => PlanDefinitionLoader.Load(stream, "broken.json"));
        Assert.Equal(["$.reminders.before[1]", "$.reminders.before[2]"], e.Problems.Select(p => p.Path));
    }
}

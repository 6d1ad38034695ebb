using Pipeline.Domain.Catalogue;
using Pipeline.Spreadsheets.Rows;

namespace Pipeline.Spreadsheets.Tests;

/// <summary>
/// The duplicate check of <c>RULES.md §2</c> kept in the plan's key space (issue 27): every part of the key
/// tells rows apart, a repeat names the row that gave the key first, and a key outside the plan's years is still
/// checked exactly (the fallback dictionary).
/// </summary>
public sealed class DuplicateGuardTests
{
    private static readonly Plan Plan = BuiltInPlans.Default;

    [Fact]
    public void Each_part_of_the_key_tells_rows_apart_and_a_repeat_names_the_first_row()
    {
        var guard = new DuplicateGuard(Plan);
        var (first, second) = (Plan.Indicators[0], Plan.Indicators[1]);
        var (city, ward) = (Plan.WholeCity, Plan.Wards[0]);
        var fy = Plan.StartFiscalYear;
        var row = 10;
        foreach (var (indicator, year, area, month) in new (Indicator, FiscalYear, Area, int?)[]
                 {
                     (first, fy, city, null), (first, fy, city, 4), (first, fy, city, 3), (first, fy, ward, null),
                     (first, new FiscalYear(fy.Value + 1), city, null), (second, fy, city, null),
                     (first, Plan.EndFiscalYear, ward, 12),
                 })
        {
            Assert.True(guard.TryClaim(indicator, year, area, month, row++, out _));
        }

        Assert.False(guard.TryClaim(first, fy, city, 4, 99, out var firstRow));
        Assert.Equal(11, firstRow);
        Assert.False(guard.TryClaim(first, Plan.EndFiscalYear, ward, 12, 100, out firstRow));
        Assert.Equal(16, firstRow);
        Assert.False(guard.TryClaim(second, fy, city, null, 101, out firstRow));
        Assert.Equal(15, firstRow);
    }

    [Fact]
    public void A_key_outside_the_plans_years_is_checked_exactly_too()
    {
        var guard = new DuplicateGuard(Plan);
        var indicator = Plan.Indicators[0];
        var before = new FiscalYear(1990);
        Assert.True(guard.TryClaim(indicator, before, Plan.WholeCity, 5, 7, out _));
        Assert.True(guard.TryClaim(indicator, before, Plan.WholeCity, 6, 8, out _));
        Assert.False(guard.TryClaim(indicator, before, Plan.WholeCity, 5, 9, out var firstRow));
        Assert.Equal(7, firstRow);
    }

    [Fact]
    public void Evaluations_are_claimed_once_per_initiative_and_year()
    {
        var guard = new DuplicateGuard(Plan);
        var initiative = Plan.Initiatives[0];
        Assert.True(guard.TryClaim(initiative, Plan.StartFiscalYear, 3, out _));
        Assert.True(guard.TryClaim(initiative, new FiscalYear(Plan.StartFiscalYear.Value + 1), 4, out _));
        Assert.False(guard.TryClaim(initiative, Plan.StartFiscalYear, 5, out var firstRow));
        Assert.Equal(3, firstRow);
    }
}

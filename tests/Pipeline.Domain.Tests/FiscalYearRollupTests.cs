using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Rollup;
using Pipeline.Domain.Uploads;
using Pipeline.Testing;

namespace Pipeline.Domain.Tests;

/// <summary>RULES.md §3 worked examples.</summary>
public sealed class FiscalYearRollupTests
{
    private static readonly Plan Plan = BuiltInPlans.Default;
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Wards = ["431010", "431028", "431036", "431044", "431052"];

    private static StoredObservation Obs(string indicator, int fy, string area, int? month, decimal value,
        decimal? numerator = null, decimal? denominator = null, string upload = "u1", int minutes = 0) =>
        new(indicator, new FiscalYear(fy), area, month, value, numerator, denominator, UploadId.Parse(upload), T0.AddMinutes(minutes));

    private static FiscalYearActual Single(IEnumerable<StoredObservation> rows, string indicator, params string[] accepted)
    {
        var result = FiscalYearRollup.Combine(Plan, rows, accepted.Length == 0 ? AcceptedUploads.Of("u1") : AcceptedUploads.Of(accepted));
        return Assert.Single(result[indicator]);
    }

    [Fact]
    public void A_flow_sums_months_and_wards_and_marks_missing_months_partial()
    {
        // III-1-K1 FY2021: each ward reports April–February (11 months) of 10 → 110 a ward, 550 in all, partial.
        var rows = Wards.SelectMany(w => new[] { 4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2 }.Select(m => Obs("III-1-K1", 2021, w, m, 10)));
        var year = Single(rows, "III-1-K1");
        Assert.Equal(550m, year.Value);
        Assert.True(year.Partial);
        Assert.All(year.Areas, a => Assert.Equal(110m, a.Value));
    }

    [Fact]
    public void A_stock_takes_the_latest_month_of_the_fiscal_year()
    {
        // II-1-K1 FY2021 (April 2021–March 2022): months 4, 12 and 3 → March (the 12th fiscal month) is latest.
        var rows = Wards.SelectMany(w => new[] { Obs("II-1-K1", 2021, w, 4, 100), Obs("II-1-K1", 2021, w, 12, 140), Obs("II-1-K1", 2021, w, 3, 150) });
        var year = Single(rows, "II-1-K1");
        Assert.Equal(750m, year.Value);
        Assert.True(year.Partial);
    }

    [Fact]
    public void A_ratio_combines_wards_as_the_sum_of_numerators_over_the_sum_of_denominators()
    {
        // III-2-K1: 250/1000, 300/1000, 100/500, 400/1000, 150/500 → 1200 / 4000 = 30.0 (not the mean of the five, 29.0)
        (decimal n, decimal d)[] parts = [(250, 1000), (300, 1000), (100, 500), (400, 1000), (150, 500)];
        var rows = Wards.Zip(parts, (w, p) => Obs("III-2-K1", 2022, w, null, Math.Round(100 * p.n / p.d, 1), p.n, p.d));
        var year = Single(rows, "III-2-K1");
        Assert.Equal(30.0m, year.Value);
        Assert.False(year.Partial);
        Assert.Empty(year.Warnings);
    }

    [Fact]
    public void A_whole_city_row_is_the_value_and_a_differing_ward_sum_is_a_warning()
    {
        var rows = Wards.Select(w => Obs("I-1-K2", 2021, w, null, 40)).Append(Obs("I-1-K2", 2021, "431001", null, 210));
        var year = Single(rows, "I-1-K2");
        Assert.Equal(210m, year.Value);
        Assert.Equal(5, year.Areas.Count);
        Assert.Equal(RollupWarningCode.WardSumDiffers, Assert.Single(year.Warnings).Code);
    }

    [Fact]
    public void Missing_wards_make_a_partial_sum_with_a_warning()
    {
        var year = Single([Obs("I-1-K2", 2021, "431010", null, 40), Obs("I-1-K2", 2021, "431028", null, 30)], "I-1-K2");
        Assert.Equal(70m, year.Value);
        Assert.True(year.Partial);
        Assert.Equal(RollupWarningCode.WardsIncomplete, Assert.Single(year.Warnings).Code);
    }

    [Fact]
    public void The_latest_blob_wins_and_uncommitted_uploads_are_invisible()
    {
        var rows = new[]
        {
            Obs("I-1-K2", 2021, "431001", null, 150, upload: "old", minutes: 0),
            Obs("I-1-K2", 2021, "431001", null, 180, upload: "new", minutes: 5),
            Obs("I-1-K2", 2021, "431001", null, 999, upload: "uncommitted", minutes: 9),
        };
        Assert.Equal(180m, Single(rows, "I-1-K2", "old", "new").Value);
        Assert.Equal(150m, Single(rows, "I-1-K2", "old").Value);
    }
}

using Pipeline.Domain.Catalogue;
using Pipeline.Spreadsheets.Parsing;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Spreadsheets.Tests;

public sealed class FiscalYearParserTests
{
    [Theory]
    [InlineData("2021", 2021)]
    [InlineData("2021年度", 2021)]
    [InlineData("FY2021", 2021)]
    [InlineData("fy2021", 2021)]
    [InlineData("２０２１年度", 2021)]
    [InlineData("令和3年度", 2021)]
    [InlineData("令和３年度", 2021)]
    [InlineData("R3", 2021)]
    [InlineData("Ｒ３", 2021)]
    [InlineData("r3", 2021)]
    [InlineData("令和元年度", 2019)]
    [InlineData("R1", 2019)]
    [InlineData("H30", 2018)]
    [InlineData("平成30年度", 2018)]
    [InlineData("平成31年度", 2019)]
    [InlineData("令和6年度", 2024)]
    [InlineData("令和2年度（2020年度）", 2020)]
    [InlineData("2021/4/1", 2021)]
    [InlineData("2022/3/31", 2021)]
    public void Reads_every_form_departments_write(string text, int expected)
    {
        Assert.True(FiscalYearParser.TryParse(text, out var fy), text);
        Assert.Equal(expected, fy.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("来年度")]
    [InlineData("令和")]
    [InlineData("X3")]
    [InlineData("21")]
    [InlineData("令和3年度（2022年度）")]
    public void Rejects_what_is_not_a_fiscal_year(string text) => Assert.False(FiscalYearParser.TryParse(text, out _));

    [Fact]
    public void A_date_cell_gives_the_fiscal_year_it_falls_in()
    {
        Assert.True(FiscalYearParser.TryParse(Cell.OfDate(1, new DateTime(2023, 3, 31)), out var march));
        Assert.Equal(2022, march.Value);
        Assert.True(FiscalYearParser.TryParse(Cell.OfDate(1, new DateTime(2023, 4, 1)), out var april));
        Assert.Equal(2023, april.Value);
        Assert.True(FiscalYearParser.TryParse(Cell.OfNumber(1, 2022, false), out var number));
        Assert.Equal(2022, number.Value);
    }

    [Theory]
    [InlineData(2019, "令和元年度")]
    [InlineData(2020, "令和2年度")]
    [InlineData(2024, "令和6年度")]
    [InlineData(2018, "平成30年度")]
    [InlineData(1989, "平成元年度")]
    [InlineData(1988, "昭和63年度")]
    public void Era_text_comes_from_the_japanese_calendar(int fiscalYear, string expected) =>
        Assert.Equal(expected, FiscalYearParser.ToEraText(new Pipeline.Domain.Catalogue.FiscalYear(fiscalYear)));

    [Fact]
    public void Era_text_reads_back_to_the_same_fiscal_year()
    {
        foreach (var year in Enumerable.Range(1960, 80))
        {
            var text = FiscalYearParser.ToEraText(new Pipeline.Domain.Catalogue.FiscalYear(year));
            Assert.True(FiscalYearParser.TryParse(text, out var back), text);
            Assert.Equal(year, back.Value);
        }
    }
}

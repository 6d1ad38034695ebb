using Pipeline.Spreadsheets.Parsing;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Spreadsheets.Tests;

/// <summary>
/// A month is 1–12 however it is written; digits alone are read without normalising (issue 27, eleventh pass), and
/// read as the normalised text would be.
/// </summary>
public sealed class MonthParserTests
{
    [Theory]
    [InlineData("1", 1)]
    [InlineData("01", 1)]
    [InlineData("12", 12)]
    [InlineData("4月", 4)]
    [InlineData("４", 4)]
    [InlineData("１２月", 12)]
    [InlineData(" 7 ", 7)]
    [InlineData("", null)]
    [InlineData("　", null)]
    public void Reads_a_month_or_none_from_text(string text, int? expected)
    {
        Assert.True(MonthParser.TryParse(Cell.OfText(4, text), out var month));
        Assert.Equal(expected, month);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("00")]
    [InlineData("13")]
    [InlineData("999999999999999")]
    [InlineData("1000000000000000")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("１３月")]
    [InlineData("四月")]
    public void Refuses_what_is_not_a_month(string text)
    {
        Assert.False(MonthParser.TryParse(Cell.OfText(4, text), out var month));
        Assert.Null(month);
    }

    [Fact]
    public void Digits_read_fast_agree_with_the_normalised_reading()
    {
        // Every text of one to three ASCII digits, against the same digits written full-width (which go through
        // NFKC normalisation): the same month, or none for both.
        for (var n = 0; n < 1000; n++)
        {
            foreach (var digits in new[] { n.ToString("D1"), n.ToString("D2"), n.ToString("D3") })
            {
                var fullWidth = string.Concat(digits.Select(d => (char)(d - '0' + '０')));
                var fast = MonthParser.TryParse(Cell.OfText(1, digits), out var a);
                var normalised = MonthParser.TryParse(Cell.OfText(1, fullWidth), out var b);
                Assert.Equal((normalised, b), (fast, a));
            }
        }
    }
}

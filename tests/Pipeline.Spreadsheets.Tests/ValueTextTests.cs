using System.Globalization;
using Pipeline.Domain.Observations;
using Pipeline.Spreadsheets.Parsing;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Spreadsheets.Tests;

/// <summary>
/// The shortcuts of issue 27's fourth and eighth passes read values exactly as before: a count of up to fifteen digits
/// gives the decimal (value and scale) that
/// <see cref="decimal.TryParse(string?, NumberStyles, IFormatProvider?, out decimal)"/> gave, a whole number cell the
/// one its conversion from double gave, and a blank flag cell is a final figure as an empty key was.
/// </summary>
public sealed class ValueTextTests
{
    private static readonly Pipeline.Domain.Catalogue.Unit CountUnit = new("人", false);
    private static readonly Pipeline.Domain.Catalogue.Unit PercentUnit = new("%", true);

    [Theory]
    [InlineData("0")]
    [InlineData("7")]
    [InlineData("007")]
    [InlineData("410")]
    [InlineData("999999999")]
    [InlineData("1000000000")]
    [InlineData("12.50")]
    [InlineData("-3")]
    [InlineData("+3")]
    [InlineData("0.0")]
    public void A_number_typed_as_text_reads_as_the_decimal_parser_reads_it(string text)
    {
        Assert.True(decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out var parsed));
        var expected = InvariantDecimal.Normalize(parsed);

        Assert.Equal(ValueOutcome.Number, ValueParser.Parse(Cell.OfText(1, text), null, out var value));
        Assert.Equal(expected, value);
        Assert.Equal(expected.Scale, value.Scale);
        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), value.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_number_cell_reads_as_its_conversion_from_double_gave_it_value_and_scale()
    {
        var random = new Random(27);
        double[] fixedNumbers = [0, -0.0, 1, 7, 410, 999_999_999_999_999, 1e15, 0.5, 95.1, 12.25, -3, 2.5e-7, 123456.789];
        var numbers = fixedNumbers.Concat(Enumerable.Range(0, 5000).Select(i => i % 2 == 0
            ? Math.Floor(random.NextDouble() * Math.Pow(10, random.Next(1, 16)))
            : Math.Round(random.NextDouble() * 1000, random.Next(0, 4))));
        foreach (var number in numbers)
        {
            foreach (var percent in new[] { false, true })
            {
                var unit = percent ? PercentUnit : CountUnit;
                var cell = Cell.OfNumber(2, number, percent);
                var expected = InvariantDecimal.Normalize((decimal)number * (percent ? 100m : 1m));

                Assert.Equal(ValueOutcome.Number, ValueParser.Parse(cell, unit, out var value));
                Assert.Equal(expected, value);
                Assert.Equal((expected.Scale, expected.ToString(CultureInfo.InvariantCulture)),
                    (value.Scale, value.ToString(CultureInfo.InvariantCulture)));
            }
        }
    }

    [Theory]
    [InlineData("１２", ValueOutcome.Number)]
    [InlineData("1,234", ValueOutcome.Number)]
    [InlineData("－", ValueOutcome.NoValue)]
    [InlineData("12a", ValueOutcome.NotNumeric)]
    [InlineData(" 12", ValueOutcome.Number)]
    public void Other_texts_still_take_the_full_reading(string text, ValueOutcome outcome) =>
        Assert.Equal(outcome, ValueParser.Parse(Cell.OfText(1, text), null, out _));

    [Fact]
    public void A_blank_flag_cell_is_a_final_figure_and_words_are_still_read()
    {
        Assert.True(FlagParser.TryParse(default, out var none));
        Assert.Null(none);
        Assert.True(FlagParser.TryParse(Cell.OfText(3, " \u3000"), out var blank));
        Assert.Null(blank);
        Assert.True(FlagParser.TryParse(Cell.OfText(3, "速報"), out var provisional));
        Assert.Equal(ValueFlag.Provisional, provisional);
        Assert.False(FlagParser.TryParse(Cell.OfText(3, "たぶん"), out _));
    }
}

using System.Globalization;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Spreadsheets.Tests;

/// <summary>
/// The shortcut for counts (issue 27, eighth pass) reads exactly what the general parsers read, and nothing else:
/// one to fifteen ASCII digits; signs, points, separators, white space, full-width digits and longer texts are left
/// to <see cref="double.TryParse(string?, NumberStyles, IFormatProvider?, out double)"/> and
/// <see cref="decimal.TryParse(string?, NumberStyles, IFormatProvider?, out decimal)"/>.
/// </summary>
public sealed class AsciiWholeNumberTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("7", 7L)]
    [InlineData("007", 7L)]
    [InlineData("431010", 431010L)]
    [InlineData("999999999999999", 999_999_999_999_999L)]
    public void Digits_are_their_whole_number(string text, long expected)
    {
        Assert.True(AsciiWholeNumber.TryParse(text, out var number));
        Assert.Equal(expected, number);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1.0")]
    [InlineData("1,000")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("１２")]
    [InlineData("1e3")]
    [InlineData("1000000000000000")]
    [InlineData("/")]
    [InlineData(":")]
    public void Anything_else_is_left_to_the_general_parsers(string text)
    {
        Assert.False(AsciiWholeNumber.TryParse(text, out var number));
        Assert.Equal(0, number);
    }

    [Fact]
    public void On_random_texts_it_agrees_with_both_general_parsers_wherever_it_answers()
    {
        var random = new Random(27);
        const string alphabet = "0123456789-.,+ e１";
        var answered = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var length = random.Next(1, 18);
            var chars = new char[length];
            for (var c = 0; c < length; c++)
            {
                chars[c] = random.Next(4) == 0 ? alphabet[random.Next(alphabet.Length)] : (char)('0' + random.Next(10));
            }

            var text = new string(chars);
            if (!AsciiWholeNumber.TryParse(text, out var number))
            {
                Assert.False(text.Length <= AsciiWholeNumber.MaxDigits && text.All(char.IsAsciiDigit), text);
                continue;
            }

            answered++;
            Assert.True(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var asDouble));
            Assert.True(decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var asDecimal));
            Assert.Equal(asDouble, (double)number);
            Assert.Equal(asDecimal, number);
            Assert.Equal(0, asDecimal.Scale);
        }

        Assert.True(answered > 1000, $"only {answered} texts were all digits");
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Spreadsheets.Tests;

/// <summary>
/// A cell keeps a date as its serial number and gives the date back from it (issue 27, eighth pass: 24 bytes a cell,
/// not 40), and a date written as text is a date only where the text holds one.
/// </summary>
public sealed class CellTests
{
    [Fact]
    public void A_cell_takes_24_bytes()
    {
        Assert.Equal(24, Unsafe.SizeOf<Cell>());
    }

    [Theory]
    [InlineData("2024-04-01T00:00:00.000")]
    [InlineData("1900-03-01T12:00:00.000")]
    [InlineData("0100-01-01T00:00:00.000")]
    [InlineData("9999-12-31T23:59:59.999")]
    [InlineData("2025-03-31T23:59:59.999")]
    public void A_date_cell_gives_back_its_date_to_the_millisecond(string written)
    {
        var date = DateTime.ParseExact(written, "yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);

        var cell = Cell.OfDate(3, date);

        Assert.Equal((CellKind.Date, date, date.ToOADate()), (cell.Kind, cell.Date, cell.Number));
        Assert.Equal(written[..10], cell.Display);
        Assert.Equal(cell, Cell.OfDate(3, date));
    }

    [Fact]
    public void Only_a_date_cell_has_a_date()
    {
        Assert.Equal(default, Cell.OfNumber(1, 45383, false).Date);
        Assert.Equal(default, Cell.OfText(1, "2024-04-01").Date);
        Assert.NotEqual(Cell.OfNumber(1, 45383, false), Cell.OfDate(1, DateTime.FromOADate(45383)));
    }

    [Theory]
    [InlineData("2024-04-01", CellKind.Date, "2024-04-01")]
    [InlineData("2024-04-01T09:30:00", CellKind.Date, "2024-04-01")]
    [InlineData("10:30:00", CellKind.Text, "10:30:00")]
    [InlineData("10:30", CellKind.Text, "10:30")]
    [InlineData("0024-04-01", CellKind.Text, "0024-04-01")]
    [InlineData("令和6年4月1日", CellKind.Text, "令和6年4月1日")]
    public void A_date_written_as_text_is_a_date_only_where_the_text_holds_a_date(string text, CellKind kind,
        string display)
    {
        var cell = Cell.OfDateText(2, text);

        Assert.Equal((2, kind, display), (cell.Column, cell.Kind, cell.Display));
    }

    [Fact]
    public void A_text_is_blank_exactly_where_it_is_white_space_only_whatever_its_first_character()
    {
        // IsBlank decides most texts from their first character (issue 27, eleventh pass): every UTF-16 unit first,
        // alone, before a letter and before a space, as string.IsNullOrWhiteSpace decides it.
        var disagreements = new List<string>();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var first = ((char)c).ToString();
            foreach (var text in new[] { first, first + "a", first + " ", first + "\u3000" })
            {
                if (Cell.OfText(1, text).IsBlank != string.IsNullOrWhiteSpace(text))
                {
                    disagreements.Add($"U+{c:X4} in \"{text}\"");
                }
            }
        }

        Assert.Empty(disagreements);
        Assert.True(Cell.OfText(1, "").IsBlank);
        Assert.True(Cell.OfText(1, " \u3000\t").IsBlank);
        Assert.False(Cell.OfText(1, "\u3000令和").IsBlank);
        Assert.True(Cell.Empty(4).IsBlank);
        Assert.Equal((4, CellKind.Empty, ""), (Cell.Empty(4).Column, Cell.Empty(4).Kind, Cell.Empty(4).Display));
    }
}

using System.Text;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Spreadsheets.Tests;

/// <summary>
/// The strings of a CSV file's fields made from their bytes (issue 27): the text is always the field's, decoded as
/// UTF-8; within a column a repeated short text is the same string; columns, long texts and texts past the pool's
/// bound are kept apart or made anew, never mixed up.
/// </summary>
public sealed class Utf8TextPoolTests
{
    [Fact]
    public void A_repeated_text_of_a_column_is_the_same_string_and_other_columns_keep_their_own()
    {
        var pool = new Utf8TextPool();
        var first = pool.Get(0, "令和5年度"u8);
        var again = pool.Get(0, "令和5年度"u8);
        var otherColumn = pool.Get(1, "令和5年度"u8);

        Assert.Equal("令和5年度", first);
        Assert.Same(first, again);
        Assert.Equal("令和5年度", otherColumn);
        Assert.NotSame(first, otherColumn);
        Assert.Equal("431001", pool.Get(0, "431001"u8));
        Assert.Same(first, pool.Get(0, "令和5年度"u8));
    }

    [Fact]
    public void Texts_that_share_a_prefix_or_a_hash_slot_stay_apart_through_growth()
    {
        var pool = new Utf8TextPool();
        var made = new List<string>();
        for (var i = 0; i < 3000; i++)
        {
            var text = "I-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            made.Add(pool.Get(2, Encoding.UTF8.GetBytes(text)));
            Assert.Equal(text, made[^1]);
        }

        for (var i = 0; i < made.Count; i++)
        {
            Assert.Same(made[i], pool.Get(2, Encoding.UTF8.GetBytes(made[i])));
        }
    }

    [Fact]
    public void Long_texts_far_columns_invalid_bytes_and_texts_past_the_bound_are_still_read_exactly()
    {
        var pool = new Utf8TextPool();
        var longText = new string('長', Utf8TextPool.MaxLength);
        Assert.Equal(longText, pool.Get(0, Encoding.UTF8.GetBytes(longText)));
        Assert.Equal("x", pool.Get(Utf8TextPool.MaxColumns, "x"u8));
        Assert.Equal("\uFFFD", pool.Get(0, [0xFF]));
        for (var i = 0; i < Utf8TextPool.MaxTexts; i++)
        {
            pool.Get(i % Utf8TextPool.MaxColumns, Encoding.UTF8.GetBytes("v" + i));
        }

        var past = pool.Get(3, "past-the-bound"u8);
        Assert.Equal("past-the-bound", past);
        Assert.Equal("past-the-bound", pool.Get(3, "past-the-bound"u8));
    }
}

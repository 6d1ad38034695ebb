using Pipeline.Domain.Observations;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Spreadsheets.Parsing;

/// <summary>Reads a rating: A–D (any width or case) or its words 順調, 概ね順調, 遅れ, 未着手.</summary>
public static class RatingParser
{
    /// <summary>Reads a cell; false where it is not a rating.</summary>
    public static bool TryParse(Cell cell, out Rating rating)
    {
        var text = JapaneseText.Key(cell.Display);
        (var ok, rating) = text switch
        {
            "a" or "順調" or "a順調" or "a:順調" => (true, Rating.A),
            "b" or "概ね順調" or "おおむね順調" or "b概ね順調" or "b:概ね順調" => (true, Rating.B),
            "c" or "遅れ" or "c遅れ" or "c:遅れ" => (true, Rating.C),
            "d" or "未着手" or "d未着手" or "d:未着手" => (true, Rating.D),
            _ => (false, Rating.A),
        };
        return ok;
    }
}

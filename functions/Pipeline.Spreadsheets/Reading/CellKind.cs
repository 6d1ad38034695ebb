using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Spreadsheets.Reading;

/// <summary>What a spreadsheet cell holds, as the file stored it.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<CellKind>))]
public enum CellKind : byte
{
    /// <summary>Nothing.</summary>
    Empty,
    /// <summary>A string (every CSV cell is text).</summary>
    Text,
    /// <summary>A number without a date format.</summary>
    Number,
    /// <summary>A number with a date format, or a date the reader recognised.</summary>
    Date,
    /// <summary>TRUE or FALSE.</summary>
    Boolean,
    /// <summary>An Excel error value (#DIV/0!, #N/A …) or a formula with no cached result.</summary>
    Error,
}

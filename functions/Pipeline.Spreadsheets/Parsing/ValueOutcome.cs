using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Spreadsheets.Parsing;

/// <summary>What a value cell says: a number, no value (a dash or blank), or something unreadable.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<ValueOutcome>))]
public enum ValueOutcome
{
    Number,
    NoValue,
    NotNumeric,
    FormulaWithoutValue,
    CellError,
}

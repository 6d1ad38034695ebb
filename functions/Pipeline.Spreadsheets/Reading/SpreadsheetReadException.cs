using Pipeline.Domain.Problems;

namespace Pipeline.Spreadsheets.Reading;

/// <summary>A file broke a <see cref="ReadLimits"/> bound or could not be read; carries where.</summary>
public sealed class SpreadsheetReadException(ProblemCode code, string messageJa, string messageEn, string? sheet =
    null, int? row = null, string? column = null)
    : Exception(messageEn)
{
    /// <summary>What kind of problem it is.</summary>
    public ProblemCode Code { get; } = code;
    public string MessageJa { get; } = messageJa;
    public string? Sheet { get; } = sheet;
    public int? Row { get; } = row;
    public string? Column { get; } = column;
}

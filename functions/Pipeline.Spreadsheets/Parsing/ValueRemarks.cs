using Pipeline.Domain.Observations;

namespace Pipeline.Spreadsheets.Parsing;

/// <summary>What a row says about its values beside them: the note (備考) and the flag (RULES.md §13).</summary>
internal readonly record struct ValueRemarks(string? Note, ValueFlag? Flag);

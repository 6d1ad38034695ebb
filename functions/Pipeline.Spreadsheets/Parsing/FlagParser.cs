using Pipeline.Domain.Observations;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Spreadsheets.Parsing;

/// <summary>
/// Reads a value's flag (RULES.md §13): 速報値 (速報, provisional, P), 推計 (推計値, 推定, estimate, E), 定義変更
/// (系列変更, definition_change, B); blank or 確報値 (確報, 確定, final) means no flag.
/// </summary>
public static class FlagParser
{
    /// <summary>The words accepted, as a message lists them.</summary>
    public const string Accepted = "速報値、推計、定義変更（確報値は空欄）";

    /// <summary>Reads a cell; false where it is neither a flag nor a final figure's word.</summary>
    public static bool TryParse(in Cell cell, out ValueFlag? flag)
    {
        if (cell.IsBlank)
        {
            // Most rows have no flag (or no flag column): a final figure, without keying an empty text.
            flag = null;
            return true;
        }

        (var ok, flag) = JapaneseText.Key(cell.Display) switch
        {
            "" or "確報" or "確報値" or "確定" or "確定値" or "final" => (true, (ValueFlag?)null),
            "速報" or "速報値" or "p" or "provisional" => (true, ValueFlag.Provisional),
            "推計" or "推計値" or "推定" or "推定値" or "e" or "estimate" or "estimated" => (true, ValueFlag.Estimate),
            "定義変更" or "定義の変更" or "系列変更" or "b" or "definition_change" or "definitionchange" or "break"
                => (true, ValueFlag.DefinitionChange),
            _ => (false, null),
        };
        return ok;
    }
}

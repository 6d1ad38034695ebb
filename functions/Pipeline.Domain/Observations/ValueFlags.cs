using Pipeline.Domain.Catalogue;

namespace Pipeline.Domain.Observations;

/// <summary>The words and the combining rule of <see cref="ValueFlag"/> (RULES.md §13).</summary>
public static class ValueFlags
{
    /// <summary>Every flag, in the order they are listed.</summary>
    public static readonly IReadOnlyList<ValueFlag> All =
        [ValueFlag.Provisional, ValueFlag.Estimate, ValueFlag.DefinitionChange];

    /// <summary>速報値 provisional, 推計 estimate, 定義変更 definition change.</summary>
    public static LocalizedText Label(ValueFlag flag) => flag switch
    {
        ValueFlag.Provisional => new("速報値", "provisional"),
        ValueFlag.Estimate => new("推計", "estimate"),
        _ => new("定義変更", "definition change"),
    };

    /// <summary>
    /// The flag of a value made from several (months summed, wards combined): the weightiest of theirs, a definition
    /// change over an estimate over a provisional figure; null where none of them has a flag.
    /// </summary>
    public static ValueFlag? Combine(IEnumerable<ValueFlag?> flags)
    {
        ValueFlag? combined = null;
        foreach (var flag in flags)
        {
            if (flag is { } f && (combined is null || f > combined))
            {
                combined = f;
            }
        }

        return combined;
    }
}

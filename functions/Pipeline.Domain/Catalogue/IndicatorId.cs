using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Domain.Catalogue;

/// <summary>
/// The id of an outcome indicator of a plan (<c>1-1-1</c>), as the plan file gives it: any text that is not empty or
/// blank (the plan file's rule). Serialised as the plain string.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<IndicatorId>))]
public readonly record struct IndicatorId : IParsable<IndicatorId>
{
    private IndicatorId(string value) => Value = value;

    /// <summary>The indicator id's text.</summary>
    public string Value => field ?? "";

    /// <summary>Reads an indicator id; throws <see cref="FormatException"/> for a text that is not one.</summary>
    public static IndicatorId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not an indicator id.");

    /// <summary>
    /// Reads an indicator id (a plan file's value, a table key); false for an empty or blank text.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out IndicatorId id)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        id = new IndicatorId(text);
        return true;
    }

    /// <inheritdoc />
    static IndicatorId IParsable<IndicatorId>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc />
    static bool IParsable<IndicatorId>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, out IndicatorId result) =>
        TryParse(s, out result);

    /// <inheritdoc />
    public override string ToString() => Value;
}

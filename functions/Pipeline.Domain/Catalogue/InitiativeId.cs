using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Domain.Catalogue;

/// <summary>
/// The id of a main initiative (主な取組項目) of a plan, as the plan file gives it: any text that is not empty or
/// blank (the plan file's rule). Serialised as the plain string.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<InitiativeId>))]
public readonly record struct InitiativeId : IParsable<InitiativeId>
{
    private InitiativeId(string value) => Value = value;

    /// <summary>The initiative id's text.</summary>
    public string Value => field ?? "";

    /// <summary>Reads an initiative id; throws <see cref="FormatException"/> for a text that is not one.</summary>
    public static InitiativeId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not an initiative id.");

    /// <summary>
    /// Reads an initiative id (a plan file's value, a table key); false for an empty or blank text.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out InitiativeId id)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        id = new InitiativeId(text);
        return true;
    }

    /// <inheritdoc />
    static InitiativeId IParsable<InitiativeId>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc />
    static bool IParsable<InitiativeId>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, out InitiativeId result) =>
        TryParse(s, out result);

    /// <inheritdoc />
    public override string ToString() => Value;
}

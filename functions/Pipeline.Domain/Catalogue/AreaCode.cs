using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Pipeline.Domain.Json;

namespace Pipeline.Domain.Catalogue;

/// <summary>
/// An area's 全国地方公共団体コード (<c>431001</c>, <c>431010</c>): six digits, the sixth a check digit. The rule is
/// the plan file's: six digits; the check digit is not recomputed. Serialised as the plain string.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<AreaCode>))]
public readonly partial record struct AreaCode : IParsable<AreaCode>
{
    private AreaCode(string value) => Value = value;

    /// <summary>The code's text: six digits.</summary>
    public string Value => field ?? "";

    /// <summary>Whether <paramref name="text"/> is an area code: six digits.</summary>
    public static bool IsValid(string text) => Pattern().IsMatch(text);

    /// <summary>Reads an area code; throws <see cref="FormatException"/> for a text that is not one.</summary>
    public static AreaCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}' is not a 6-digit area code.");

    /// <summary>Reads an area code (a plan file's value, a table key); false for anything but six digits.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out AreaCode code)
    {
        code = default;
        if (text is null || !IsValid(text))
        {
            return false;
        }

        code = new AreaCode(text);
        return true;
    }

    /// <inheritdoc />
    static AreaCode IParsable<AreaCode>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc />
    static bool IParsable<AreaCode>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, out AreaCode result) =>
        TryParse(s, out result);

    /// <inheritdoc />
    public override string ToString() => Value;

    [GeneratedRegex(@"^[0-9]{6}\z")]
    private static partial Regex Pattern();
}

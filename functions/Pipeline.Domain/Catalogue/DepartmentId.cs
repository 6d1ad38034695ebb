using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Domain.Catalogue;

/// <summary>
/// The id of a department of a plan (<c>shakyo</c>): a <see cref="PathSafeId"/>, checked once where it comes in (the
/// plan file, a blob path, an HTTP route, a table key), so that it is a path segment and part of a table key as it
/// is. Serialised as the plain string.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<DepartmentId>))]
public readonly record struct DepartmentId : IParsable<DepartmentId>
{
    private DepartmentId(string value) => Value = value;

    /// <summary>The department id's text.</summary>
    public string Value => field ?? "";

    /// <summary>Reads a department id; throws <see cref="FormatException"/> for a text that is not one.</summary>
    public static DepartmentId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a department id.");

    /// <summary>
    /// Reads a department id (a plan file's value, a path segment, a route value, a table key); false for anything
    /// but a <see cref="PathSafeId"/>.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out DepartmentId id)
    {
        id = default;
        if (text is null || !PathSafeId.IsValid(text))
        {
            return false;
        }

        id = new DepartmentId(text);
        return true;
    }

    /// <inheritdoc />
    static DepartmentId IParsable<DepartmentId>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc />
    static bool IParsable<DepartmentId>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, out DepartmentId result) =>
        TryParse(s, out result);

    /// <inheritdoc />
    public override string ToString() => Value;
}

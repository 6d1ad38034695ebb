using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Domain.Catalogue;

/// <summary>
/// The id of a plan (<c>kumamoto-welfare-4</c>): a <see cref="PathSafeId"/>, checked once where it comes in (the plan
/// file, a blob path, an HTTP route, a table key), so that it is a path segment and part of a table key as it is.
/// Serialised as the plain string.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<PlanId>))]
public readonly record struct PlanId : IParsable<PlanId>
{
    private PlanId(string value) => Value = value;

    /// <summary>The plan id's text.</summary>
    public string Value => field ?? "";

    /// <summary>Reads a plan id; throws <see cref="FormatException"/> for a text that is not one.</summary>
    public static PlanId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a plan id.");

    /// <summary>
    /// Reads a plan id (a plan file's value, a path segment, a route value, a table key); false for anything
    /// but a <see cref="PathSafeId"/>.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out PlanId id)
    {
        id = default;
        if (text is null || !PathSafeId.IsValid(text))
        {
            return false;
        }

        id = new PlanId(text);
        return true;
    }

    /// <inheritdoc />
    static PlanId IParsable<PlanId>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc />
    static bool IParsable<PlanId>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, out PlanId result) =>
        TryParse(s, out result);

    /// <inheritdoc />
    public override string ToString() => Value;
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Domain.Json;

/// <summary>
/// Writes a typed value (an id, a hash) as the plain string it wraps and reads it back through its parser, so
/// that a document, a stored key or an API answer is the same text as before the type existed; a text the
/// parser refuses is a <see cref="JsonException"/>. Works as a dictionary key too.
/// </summary>
/// <typeparam name="T">A value type that formats as its text (<c>ToString</c>) and parses it back.</typeparam>
public sealed class StringValueJsonConverter<T> : JsonConverter<T>
    where T : struct, IParsable<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.TokenType == JsonTokenType.String ? reader.GetString() : null);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());

    /// <inheritdoc />
    public override T ReadAsPropertyName(
        ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString());

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.ToString()!);

    private static T Parse(string? text) =>
        T.TryParse(text, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a valid {typeof(T).Name}.");
}

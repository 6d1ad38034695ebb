using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Domain.Catalogue;

/// <summary>Writes a <see cref="FiscalYear"/> as the number of its year, and reads it back.</summary>
public sealed class FiscalYearJsonConverter : JsonConverter<FiscalYear>
{
    public override FiscalYear Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetInt32());

    public override void Write(Utf8JsonWriter writer, FiscalYear value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Value);
}

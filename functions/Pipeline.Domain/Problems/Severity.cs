using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Domain.Problems;

/// <summary>How bad a problem is: an error rejects the whole file, a warning does not.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<Severity>))]
public enum Severity
{
    Error,
    Warning,
}

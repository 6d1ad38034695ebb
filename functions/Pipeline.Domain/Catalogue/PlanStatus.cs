using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Domain.Catalogue;

/// <summary>Whether a plan still runs (RULES.md §7).</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<PlanStatus>))]
public enum PlanStatus
{
    /// <summary>Its last fiscal year's results are not due yet.</summary>
    Active,
    /// <summary>Its last fiscal year's results are due (30 June after it ends, JST); it still accepts
    /// corrections.</summary>
    Closed,
}

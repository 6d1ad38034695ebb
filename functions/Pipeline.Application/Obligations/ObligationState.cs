using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Application.Obligations;

/// <summary>Where one fiscal year's result of an indicator or initiative stands for its department.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<ObligationState>))]
public enum ObligationState
{
    /// <summary>An accepted upload gave it.</summary>
    Received,
    /// <summary>Not given yet, and not yet due.</summary>
    Missing,
    /// <summary>Not given, and its due date (30 June JST after the fiscal year) has passed.</summary>
    Overdue,
    /// <summary>An upload giving it waits for the secretariat's review (公開前, RULES.md §14).</summary>
    PendingReview,
    /// <summary>The secretariat returned the upload that gave it, and none was accepted since (差戻し).</summary>
    Returned,
}

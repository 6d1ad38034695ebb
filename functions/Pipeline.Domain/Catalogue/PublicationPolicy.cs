using System.Text.Json;

namespace Pipeline.Domain.Catalogue;

/// <summary>
/// How a plan's uploads are published (plan-file section <c>publication: { "review": true }</c>, RULES.md §14): with
/// <see cref="Review"/>, an upload that passes every check waits for the plan secretariat's approval
/// (<c>pending_review</c>); without it (the section absent, or <c>false</c>), it is published by the next aggregation.
/// Uploads touching a confirmed fiscal year wait for approval either way.
/// </summary>
public sealed record PublicationPolicy(bool Review)
{
    /// <summary>A plan file without the section: publication is automatic.</summary>
    public static readonly PublicationPolicy Automatic = new(false);

    /// <summary>Reads the plan file's section; a value not true or false is reported with its JSON path.</summary>
    internal static PublicationPolicy From(PlanFilePublication? section, Action<string, string> problem)
    {
        if (section?.Review is not { } review || review.ValueKind == JsonValueKind.Null)
        {
            return Automatic;
        }

        if (review.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            problem("$.publication.review", $"{review.GetRawText()} is not true or false");
            return Automatic;
        }

        return new PublicationPolicy(review.GetBoolean());
    }
}

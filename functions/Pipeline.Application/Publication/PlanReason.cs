using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Application.Publication;

/// <summary>
/// Why a plan is recomputed (the reason in its queue message and log), written in snake_case by the
/// <see cref="Pipeline.Domain.Json.PipelineJson"/> policy: <c>first</c>, <c>upload</c> … <c>forced</c>.
/// </summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<PlanReason>))]
public enum PlanReason
{
    /// <summary>No record of a computation yet.</summary>
    First,

    /// <summary>An upload was accepted since the last computation.</summary>
    Upload,

    /// <summary>The plan file changed.</summary>
    Definition,

    /// <summary>The code that computes feeds changed (a deployment).</summary>
    Code,

    /// <summary>A date the feed depends on passed (results due, a fiscal year's end, the plan's closing).</summary>
    Calendar,

    /// <summary>A portal has not taken the published content yet (its last push failed).</summary>
    Portal,

    /// <summary>An operator asked for it (<c>pipeline aggregate --force</c>).</summary>
    Forced,
}

using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Domain.Review;

/// <summary>What a person did that the audit keeps (RULES.md §14).</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<ReviewActionKind>))]
public enum ReviewActionKind
{
    /// <summary>The secretariat approved an upload: it is published by the next aggregation.</summary>
    Approve,

    /// <summary>The secretariat returned an upload with a comment: it is never published.</summary>
    Return,

    /// <summary>The secretariat confirmed a fiscal year (確定, after the committee).</summary>
    Confirm,

    /// <summary>The secretariat reopened a confirmed fiscal year, with a reason.</summary>
    Reopen,

    /// <summary>Commentary entered in the portal (by the department or the secretariat).</summary>
    Commentary,
}

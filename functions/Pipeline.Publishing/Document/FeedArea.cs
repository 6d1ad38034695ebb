using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;

namespace Pipeline.Publishing.Document;

/// <summary>One ward's value in a fiscal year, with its flag and note where the department gave them.</summary>
public sealed record FeedArea(
    string Code, LocalizedText Name, decimal Value, bool Partial, ValueFlag? Flag = null, string? Note = null);

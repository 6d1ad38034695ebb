namespace Pipeline.Domain.Catalogue;

/// <summary>Text in Japanese with an optional English rendering.</summary>
public sealed record LocalizedText(string Ja, string? En = null);

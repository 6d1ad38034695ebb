using Pipeline.Domain.Catalogue;

namespace Pipeline.Application.Review;

/// <summary>
/// The body of <c>PUT …/departments/{dept}/commentary/{indicatorId}/{fiscalYear}</c> (RULES.md §13): the three parts,
/// each <c>{ ja, en? }</c> or absent.
/// </summary>
public sealed record CommentaryEntry(LocalizedText? Assessment, LocalizedText? Issues, LocalizedText? NextSteps);

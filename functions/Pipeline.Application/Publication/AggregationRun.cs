using Pipeline.Publishing.Document;

namespace Pipeline.Application.Publication;

/// <summary>What a nightly run did.</summary>
public sealed record AggregationRun(ProgressFeed Feed, string ContentHash, bool Published, int Observations,
    int AcceptedUploads, bool? PortalPushed);

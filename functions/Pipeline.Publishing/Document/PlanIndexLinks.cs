
namespace Pipeline.Publishing.Document;

/// <summary>A plan's files, relative to index.json.</summary>
public sealed record PlanIndexLinks(string Json, string Csv, string Datapackage, string Dashboard);

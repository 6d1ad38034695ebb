namespace Pipeline.Portal.Api.Documents;

/// <summary>Where a plan's published files are, relative to the feed's base address.</summary>
public sealed record PlanLinks(string Json, string Csv, string Datapackage, string Dashboard);

namespace Pipeline.Publishing.Document;

/// <summary>
/// A plan's files, relative to index.json: the feed, progress.csv, the Data Package, the dashboard, the zip of every
/// file, the SDMX-CSV file and its structure, and the CSVW metadata of progress.csv.
/// </summary>
public sealed record PlanIndexLinks(
    string Json, string Csv, string Datapackage, string Dashboard, string Zip, string Sdmx, string SdmxStructure,
        string Csvw);

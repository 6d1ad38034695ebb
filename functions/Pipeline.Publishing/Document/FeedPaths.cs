using Pipeline.Domain.Catalogue;

namespace Pipeline.Publishing.Document;

/// <summary>
/// Where the published files are in the open-data container (RULES.md §5, §7): each plan's files under
/// <c>feeds/v1/{planId}/</c>, the index of plans and the deployment's zip beside them, the landing page at the root.
/// Every name is here, so the documents, the formats and the pages name the same files.
/// </summary>
public static class FeedPaths
{
    public const string JsonName = "progress.json";
    public const string CsvName = "progress.csv";
    public const string DataPackageName = "datapackage.json";
    public const string SchemaName = "progress.schema.json";

    /// <summary>The dashboard, the plan folder's index page.</summary>
    public const string DashboardName = "index.html";

    /// <summary>The committee's workbook.</summary>
    public const string WorkbookName = "progress-report.xlsx";

    /// <summary>The committee's report (a Word document).</summary>
    public const string ReportName = "progress-report.docx";

    /// <summary>Every change to a published value.</summary>
    public const string RevisionsName = "revisions.csv";

    /// <summary>The zip of every file of the plan.</summary>
    public const string ZipName = "progress-all.zip";

    /// <summary>The SDMX-CSV copy of progress.csv.</summary>
    public const string SdmxName = "progress.sdmx.csv";

    /// <summary>The SDMX-ML structure the SDMX-CSV file refers to.</summary>
    public const string SdmxStructureName = "progress.dsd.xml";

    /// <summary>The CSVW metadata of progress.csv.</summary>
    public const string CsvwName = CsvName + "-metadata.json";

    /// <summary>The index of the plans published.</summary>
    public const string IndexPath = "feeds/v1/index.json";

    /// <summary>The deployment's zip, beside index.json: the index and every plan's files under the plan's
    /// id.</summary>
    public const string DeploymentZipPath = "feeds/v1/" + ZipName;

    /// <summary>The landing page listing the plans, at the container's root.</summary>
    public const string LandingPath = "index.html";

    /// <summary>The folder of a plan's files in the open-data container.</summary>
    public static string Folder(PlanId planId) => $"feeds/v1/{planId}";
}

using System.Globalization;
using System.Text.Json.Nodes;
using Pipeline.Domain.Catalogue;
using Pipeline.Publishing.Document;

namespace Pipeline.Publishing.Pages;

/// <summary>
/// schema.org <c>Dataset</c> JSON-LD for search engines and catalogues (RULES.md §5), embedded in each dashboard
/// (the plan's dataset) and in the landing page (the deployment's dataset, each plan's as a part): name,
/// description, licence, publisher, temporal and spatial coverage, and a <c>DataDownload</c> per published data
/// file, its URL relative to the page. Written with the feed's JSON options, whose encoder escapes &lt; &gt; &amp;,
/// so the JSON is safe inside a script element.
/// </summary>
public static class DatasetJsonLd
{
    /// <summary>The context: schema.org's own.</summary>
    public const string Context = "https://schema.org/";

    /// <summary>The Dataset of a plan's feed; <paramref name="downloads"/> are its data files (path from the page,
    /// media type).</summary>
    public static JsonObject ForPlan(ProgressFeed feed, IEnumerable<(string Path, string MediaType)> downloads)
    {
        var license = feed.LicenseDetail;
        var dataset = Dataset(feed.Plan.Name, feed.Plan.StartFiscalYear, feed.Plan.EndFiscalYear, feed.Plan.Publisher,
            license.Url, downloads);
        dataset["@context"] = Context;
        if (Uri.TryCreate(license.DatasetUrl, UriKind.Absolute, out var url))
        {
            dataset["url"] = url.AbsoluteUri;
        }

        dataset["creditText"] = license.SourceLine.Ja;
        dataset["dateModified"] = feed.GeneratedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        dataset["version"] = feed.SchemaVersion;
        return dataset;
    }

    /// <summary>
    /// The deployment's Dataset: the index of plans and the zip of every plan's files, each plan's Dataset as a part
    /// (its files relative to the landing page, <c>feeds/v1/…</c>).
    /// </summary>
    public static JsonObject ForIndex(PlanIndexDocument index, string indexPath, string zipPath)
    {
        var publisher = index.Publisher;
        var who = publisher?.Name.Ja ?? "";
        var parts =
            index.Plans.Select(p =>
                (JsonNode)Dataset(p.Name, p.StartFiscalYear, p.EndFiscalYear, publisher, p.LicenseUrl,
            PlanDownloads(p, indexPath[..(indexPath.LastIndexOf('/') + 1)]))).ToArray();
        var years = index.Plans.Count == 0 ? null
            : Coverage(index.Plans.Min(p => p.StartFiscalYear), index.Plans.Max(p => p.EndFiscalYear));
        var dataset = new JsonObject
        {
            ["@context"] = Context,
            ["@type"] = "Dataset",
            ["name"] = $"{who} 計画の成果指標 進捗状況（全計画） / Progress of {publisher?.Name.En ?? who}'s plans (all plans)",
            ["description"] = $"{who}の各計画の成果指標の実績、達成率、進捗状況（毎日更新）。計画の一覧（index.json）と全計画のファイルをまとめた zip。 "
                + "Outcome indicators of every plan: actuals, achievement rate and status, updated nightly; the " +
                    "index of plans "
                + "and one zip of every plan's files.",
            ["inLanguage"] = new JsonArray("ja", "en"),
            ["isAccessibleForFree"] = true,
            ["keywords"] = new JsonArray(who, "成果指標", "進捗状況", "outcome indicators", "open data"),
            ["dateModified"] = index.GeneratedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["distribution"] =
                new JsonArray(Download(indexPath, "application/json"), Download(zipPath, "application/zip")),
            ["hasPart"] = new JsonArray(parts),
        };
        if (years is not null)
        {
            dataset["temporalCoverage"] = years;
        }

        if (publisher is not null)
        {
            dataset["publisher"] = Organisation(publisher.Name, publisher.LocalGovernmentCode);
            dataset["creator"] = Organisation(publisher.Name, publisher.LocalGovernmentCode);
            dataset["spatialCoverage"] = Place(publisher);
        }

        if (index.Plans.Select(p => p.LicenseUrl).Distinct().ToList() is [{ } license])
        {
            dataset["license"] = license;
        }

        return dataset;
    }

    /// <summary>The JSON-LD as a script element of an HTML page.</summary>
    public static string Script(JsonObject jsonLd) =>
        "<script type=\"application/ld+json\">\n" + jsonLd.ToJsonString(FeedJson.Options) + "\n</script>";

    private static IEnumerable<(string Path, string MediaType)> PlanDownloads(PlanIndexEntry plan, string folder) =>
    [
        (folder + plan.Links.Json, "application/json"), (folder + plan.Links.Csv, "text/csv"),
        (folder + plan.Links.Sdmx, "application/vnd.sdmx.data+csv; version=2.0.0"),
        (folder + plan.Links.SdmxStructure, "application/vnd.sdmx.structure+xml; version=2.1"),
        (folder + plan.Links.Csvw, "application/csvm+json"), (folder + plan.Links.Datapackage, "application/json"),
        (folder + plan.Links.Zip, "application/zip"),
    ];

    private static JsonObject Dataset(
        LocalizedText name, int start, int end, FeedPublisher? publisher, string? license,
            IEnumerable<(string Path, string MediaType)> downloads)
    {
        var dataset = new JsonObject
        {
            ["@type"] = "Dataset",
            ["name"] = $"{name.Ja} 進捗状況" + (name.En is { } en ? $" / {en}: progress" : ""),
            ["description"] = $"{name.Ja}の成果指標の実績、達成率、進捗状況（FY{start}–FY{end}、毎日更新）。 "
                + $"Outcome indicators of {name.En ?? name.Ja} (FY{start}–FY{end}): actuals by fiscal year and area, "
                + "achievement rate and status against the plan's targets, updated nightly.",
            ["inLanguage"] = new JsonArray("ja", "en"),
            ["isAccessibleForFree"] = true,
            ["keywords"] = new JsonArray("成果指標", "進捗状況", "outcome indicators", "open data"),
            ["temporalCoverage"] = Coverage(start, end),
            ["distribution"] = new JsonArray(downloads.Select(d => (JsonNode)Download(d.Path, d.MediaType)).ToArray()),
        };
        if (license is not null)
        {
            dataset["license"] = license;
        }

        if (publisher is not null)
        {
            var creators = new[] { Organisation(publisher.Name, publisher.LocalGovernmentCode) }
                .Concat(publisher.Partners.Select(p => Organisation(p, null)));
            dataset["creator"] = new JsonArray(creators.Select(c => (JsonNode)c).ToArray());
            dataset["publisher"] = Organisation(publisher.Name, publisher.LocalGovernmentCode);
            dataset["spatialCoverage"] = Place(publisher);
        }

        return dataset;
    }

    private static string Coverage(int start, int end) => $"{start:D4}-04-01/{end + 1:D4}-03-31";

    private static JsonObject Download(string path, string mediaType) => new()
    {
        ["@type"] = "DataDownload",
        ["name"] = path[(path.LastIndexOf('/') + 1)..],
        ["encodingFormat"] = mediaType,
        ["contentUrl"] = path,
    };

    private static JsonObject Organisation(LocalizedText name, string? localGovernmentCode)
    {
        var organisation = new JsonObject
        {
            ["@type"] = localGovernmentCode is null ? "Organization" : "GovernmentOrganization",
            ["name"] = name.Ja,
        };
        if (name.En is { } en)
        {
            organisation["alternateName"] = en;
        }

        if (localGovernmentCode is not null)
        {
            organisation["identifier"] = localGovernmentCode;
        }

        return organisation;
    }

    private static JsonObject Place(FeedPublisher publisher) => new()
    {
        ["@type"] = "AdministrativeArea",
        ["name"] = publisher.Name.Ja,
        ["identifier"] = publisher.LocalGovernmentCode,
    };
}

namespace Pipeline.Domain.Catalogue;

/// <summary>
/// The terms a plan's open data is published under (plan-file section <c>openData</c>, optional): the
/// licence (<c>CC-BY-4.0</c> under 政府標準利用規約（第2.0版）, or <c>PDL-1.0</c>, 公共データ利用規約（第1.0版）)
/// and the URL of the dataset's page named in the source line. Without the section: CC BY 4.0, and
/// the URL of the published feed.
/// </summary>
public sealed record OpenDataTerms(string LicenseId, string? DatasetUrl)
{
    /// <summary>The licences a plan file may name.</summary>
    public static readonly IReadOnlyList<string> KnownLicenses = ["CC-BY-4.0", "PDL-1.0"];

    /// <summary>The terms of a plan file without an <c>openData</c> section.</summary>
    public static readonly OpenDataTerms Default = new("CC-BY-4.0", null);

    /// <summary>Reads the plan file's section; each problem is reported with its JSON path.</summary>
    internal static OpenDataTerms From(PlanFileOpenData? section, Action<string, string> problem)
    {
        if (section is null)
        {
            return Default;
        }

        var license = section.License ?? Default.LicenseId;
        if (!KnownLicenses.Contains(license))
        {
            problem("$.openData.license", $"unknown licence '{license}' (known: {string.Join(' ', KnownLicenses)})");
        }

        if (section.DatasetUrl is { } url
            && !(Uri.TryCreate(url, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            problem("$.openData.datasetUrl", $"'{url}' is not an absolute http(s) URL");
        }

        return new OpenDataTerms(license, section.DatasetUrl);
    }
}

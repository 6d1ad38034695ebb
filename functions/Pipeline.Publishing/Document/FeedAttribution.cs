using Pipeline.Domain.Catalogue;

namespace Pipeline.Publishing.Document;

/// <summary>
/// The licence of a plan's open data and the attribution its terms ask for (RULES.md §10):
/// 政府標準利用規約（第2.0版） for CC BY 4.0, or 公共データ利用規約（第1.0版） (PDL1.0), as the plan file says.
/// Both ask for a source line naming the publishers and the dataset's URL, the words "…を加工して作成"
/// for derived data, and forbid presenting edited data as if the publishers had made it; both are
/// compatible with CC BY 4.0.
/// </summary>
public static class FeedAttribution
{
    private const string CcBy = "https://creativecommons.org/licenses/by/4.0/";

    /// <summary>The licence record for the feed; <paramref name="publishedUrl"/> is used where the plan names no
    /// dataset URL.</summary>
    public static FeedLicense For(Plan plan, string? publishedUrl)
    {
        var url = plan.OpenData.DatasetUrl ?? publishedUrl ?? FeedPaths.Folder(plan.Id) + "/";
        var publishers = new[] { plan.Publisher.Name }.Concat(plan.Publisher.Partners).ToList();
        var whoJa = string.Join("・", publishers.Select(p => p.Ja));
        var whoEn = string.Join(" and ", publishers.Select(p => p.En ?? p.Ja));
        var titleJa = $"「{plan.Name.Ja} 進捗状況」";
        var titleEn = $"\"{plan.Name.En ?? plan.Name.Ja}: progress\"";
        var (licenseUrl, licenseTitle, terms, termsUrl) = plan.OpenData.LicenseId switch
        {
            "PDL-1.0" => (
                "https://www.digital.go.jp/resources/open_data/public_data_license_v1.0",
                new LocalizedText("公共データ利用規約（第1.0版）", "Public Data License (Version 1.0)"),
                new LocalizedText("公共データ利用規約（第1.0版）", "Public Data License (Version 1.0)"),
                "https://www.digital.go.jp/resources/open_data/public_data_license_v1.0"),
            _ => (
                CcBy,
                new LocalizedText("クリエイティブ・コモンズ 表示 4.0 国際", "Creative Commons Attribution 4.0 International"),
                new LocalizedText("政府標準利用規約（第2.0版）", "Government of Japan Standard Terms of Use (Version 2.0)"),
                "https://www.kantei.go.jp/jp/singi/it2/densi/kettei/gl2_betten_1.pdf"),
        };

        var source = new LocalizedText($"出典：{whoJa}{titleJa}（{url}）", $"Source: {whoEn}, {titleEn} ({url})");
        var derived = new LocalizedText(
            $"加工して利用する場合の記載例：{whoJa}{titleJa}（{url}）を加工して作成",
            $"For edited or derived data, state for example: Created by editing {whoEn}, {titleEn} ({url})");
        var edited = new LocalizedText(
            $"編集・加工等して利用する場合は、上記出典とは別に、編集・加工等を行ったことを記載してください。なお、編集・加工した情報を、あたかも{whoJa}が作成したかのような態様で公表・利用してはいけません。",
            $"If you edit or process the data, say so separately from the source line. Edited or processed data must " +
                $"not be published or used as if {whoEn} had created it.");
        var compatible = new LocalizedText(
            $"{terms.Ja}は、クリエイティブ・コモンズ・ライセンスの表示 4.0 国際（CC BY 4.0）と互換性があり、このデータは CC BY 4.0 に従って利用することもできます。",
            $"The {terms.En} are compatible with Creative Commons Attribution 4.0 International (CC BY 4.0); the " +
                $"data may also be used under CC BY 4.0.");
        var attribution = new LocalizedText(
            $"{source.Ja}。{terms.Ja}に準拠（CC BY 4.0 互換）。{edited.Ja}",
            $"{source.En}. Published under the {terms.En} (compatible with CC BY 4.0). {edited.En}");

        return new FeedLicense(plan.OpenData.LicenseId, licenseUrl, licenseTitle, attribution, terms, termsUrl,
            publishers, url, source, derived, edited, compatible);
    }
}

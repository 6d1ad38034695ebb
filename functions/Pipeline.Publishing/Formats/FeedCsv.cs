using System.Globalization;
using CsvHelper;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Json;
using Pipeline.Domain.Observations;
using Pipeline.Publishing.Document;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Publishing.Formats;

/// <summary>
/// progress.csv in the style of 自治体標準データセット (RULES.md §5): the leading columns 全国地方公共団体コード and
/// 地方公共団体名, then one row per indicator × fiscal year × area (the whole city first, then each ward), dates
/// and times in ISO 8601. UTF-8 with a BOM (Excel opens it as such), CRLF, written by CsvHelper; a text cell
/// starting with = + - @ (or tab, CR) gets a ' so that spreadsheets never run it, while numbers stay numbers.
/// </summary>
public static class FeedCsv
{
    /// <summary>The columns: name, Table Schema type, Japanese title and English description (listed in the Data
    /// Package).</summary>
    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        new("全国地方公共団体コード", "string", "全国地方公共団体コード", "Local government code of the area (the whole city or a ward)",
            "lg_code"),
        new("地方公共団体名", "string", "地方公共団体名", "Name of the area", "lg_name"),
        new("plan_id", "string", "計画ID", "Plan id"),
        new("basic_policy_id", "string", "基本方針", "Basic policy"),
        new("policy_id", "string", "施策方針", "Policy direction"),
        new("indicator_id", "string", "指標ID", "Indicator id"),
        new("indicator_name_ja", "string", "成果指標", "Indicator name (Japanese)"),
        new("indicator_name_en", "string", "成果指標（英語）", "Indicator name (English)"),
        new("unit", "string", "単位", "Unit"),
        new("kind", "string", "集計方法", "How months and wards combine: flow, stock or ratio"),
        new("fiscal_year", "integer", "年度", "Fiscal year (April–March), named by the year it starts in"),
        new("period_start", "date", "期間開始日", "First day of the fiscal year"),
        new("period_end", "date", "期間終了日", "Last day of the fiscal year"),
        new("area_type", "string", "地域区分", "city (the whole city) or ward"),
        new("value", "number", "実績値", "Value"),
        new("partial", "boolean", "一部のみ", "Some months or wards are missing"),
        new("flag", "string", "値の区分",
            "RULES.md §13: provisional (速報値), estimate (推計) or definition_change (定義変更); blank for a final figure"),
        new("note", "string", "備考", "The department's note on the value, as written (RULES.md §13)"),
        new("baseline_fiscal_year", "integer", "基準年度", "Baseline fiscal year (city rows)"),
        new("baseline_value", "number", "基準値", "Baseline value (city rows)"),
        new("target_fiscal_year", "integer", "目標年度", "Target fiscal year (city rows)"),
        new("target_value", "number", "目標値", "Target value (city rows)"),
        new("achievement_rate_percent", "number", "達成率（%）", "Achievement rate at this fiscal year (city rows)"),
        new("status", "string", "進捗状況", "Status at this fiscal year (city rows)"),
        new("direction", "string", "望ましい方向", "Which way is better: increase, or decrease (lower is better)"),
        new("revised", "boolean", "修正あり", "A later upload changed a value of this row (see revisions.csv)"),
        new("department_id", "string", "提出課ID", "Department that submitted the value"),
        new("upload_ids", "string", "アップロードID", "Uploads the value came from, space-separated"),
        new("received_at", "datetime", "受付日時", "When the latest of those uploads was received (UTC)"),
        new("final_grade", "string", "最終評価", "Final grade A–E once the plan is closed (city rows; RULES.md §11)"),
        new("final_grade_fiscal_year", "integer", "最終評価の年度",
            "Fiscal year of the value the final grade judged (city rows)"),
        new("final_grade_reason", "string", "最終評価の理由",
            "Why: target_reached, improved, unchanged, worsened, no_baseline, no_recent_value, definition_changed"),
    ];

    /// <summary>The columns that identify a row.</summary>
    public static readonly IReadOnlyList<string> PrimaryKey = ["indicator_id", "fiscal_year", "全国地方公共団体コード"];

    internal static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\r\n",
        // Text cells are neutralised by Text below (a ' in front, quoted only where RFC 4180 needs it);
        // CsvHelper's own escape would quote every such cell as well.
        Injection = CsvInjection.None,
        FormatProvider = CultureInfo.InvariantCulture,
        WriteByteOrderMark = true,
    };

    /// <summary>The CSV file's bytes.</summary>
    public static byte[] Write(ProgressFeed feed) => FeedBuffer.Bytes(output => Write(feed, output));

    /// <summary>Writes the CSV file to <paramref name="output"/>, left open.</summary>
    public static void Write(ProgressFeed feed, Stream output)
    {
        using (var csv = CsvWriter.Create(output, Options, leaveOpen: true))
        {
            Header(csv, Columns);
            var city = feed.Plan.Publisher;
            foreach (var indicator in feed.Indicators)
            {
                foreach (var actual in indicator.Actuals)
                {
                    var revised = (actual.Revisions ?? []).Select(r => r.AreaCode).ToHashSet(StringComparer.Ordinal);
                    Row(csv, feed, indicator, actual, city.LocalGovernmentCode, city.Name.Ja, "city",
                        actual.Value, (actual.Partial, actual.Flag, actual.Note),
                        revised.Contains(city.LocalGovernmentCode), headline: true);
                    foreach (var area in actual.Areas)
                    {
                        var name = area.Name.Ja.StartsWith(city.Name.Ja, StringComparison.Ordinal) ? area.Name.Ja
                            : city.Name.Ja + area.Name.Ja;
                        Row(csv, feed, indicator, actual, area.Code, name, "ward", area.Value,
                            (area.Partial, area.Flag, area.Note), revised.Contains(area.Code), headline: false);
                    }
                }
            }
        }
    }

    private static void Row(
        CsvWriter csv, ProgressFeed feed, FeedIndicator indicator, FeedActual actual, string code, string name,
        string areaType, decimal? value, (bool Partial, ValueFlag? Flag, string? Note) remarks, bool revised,
        bool headline)
    {
        Text(csv, code);
        Text(csv, name);
        Text(csv, feed.Plan.Id);
        Text(csv, indicator.BasicPolicyId);
        Text(csv, indicator.PolicyId);
        Text(csv, indicator.Id);
        Text(csv, indicator.Name.Ja);
        Text(csv, indicator.Name.En ?? "");
        Text(csv, indicator.Unit);
        Text(csv, PipelineJson.Name(indicator.Kind));
        Number(csv, actual.FiscalYear);
        Text(csv, $"{actual.FiscalYear:D4}-04-01");
        Text(csv, $"{actual.FiscalYear + 1:D4}-03-31");
        Text(csv, areaType);
        Number(csv, value);
        Text(csv, remarks.Partial ? "true" : "false");
        Text(csv, remarks.Flag is { } flag ? PipelineJson.Name(flag) : "");
        Text(csv, remarks.Note ?? "");
        Number(csv, headline ? indicator.Baseline.FiscalYear : null);
        Number(csv, headline ? indicator.Baseline.Value : null);
        Number(csv, headline ? indicator.Target.FiscalYear : null);
        Number(csv, headline ? indicator.Target.Value : null);
        Number(csv, headline ? actual.AchievementRatePercent : null);
        Text(csv, headline ? PipelineJson.Name(actual.Status) : "");
        Text(csv, PipelineJson.Name(indicator.Direction));
        Text(csv, revised ? "true" : "false");
        Text(csv, actual.Source?.DepartmentId ?? "");
        Text(csv, string.Join(' ', actual.Source?.UploadIds ?? []));
        Text(csv, actual.Source is { ReceivedAt.Count: > 0 } source ? Timestamp(source.ReceivedAt.Max()) : "");
        var grade = headline ? indicator.FinalEvaluation : null;
        Text(csv, grade is null ? "" : grade.Grade.ToString());
        Number(csv, grade?.FiscalYear);
        Text(csv, grade is null ? "" : PipelineJson.Name(grade.Reason));
        csv.EndRecord();
    }

    /// <summary>An ISO 8601 UTC time as the CSV files write it (Table Schema datetime): 2024-05-01T00:00:00Z.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    internal static void Header(CsvWriter csv, IEnumerable<TableColumn> columns)
    {
        foreach (var column in columns)
        {
            csv.WriteField(column.Name);
        }

        csv.EndRecord();
    }

    /// <summary>One text cell as the file has it: neutralised, then quoted where needed.</summary>
    public static string Cell(string value)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, Options with { WriteByteOrderMark = false }, leaveOpen: true))
        {
            Text(csv, value);
        }

        return text.ToString().TrimEnd('\r', '\n');
    }

    internal static void Text(CsvWriter csv, string value) =>
        csv.WriteField(value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value);

    internal static void Number(CsvWriter csv, decimal? value) => csv.WriteField(value, default);

    internal static void Number(CsvWriter csv, int? value) => csv.WriteField(value, default);
}

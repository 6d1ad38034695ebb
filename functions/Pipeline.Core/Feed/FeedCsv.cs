using System.Globalization;
using CsvHelper;
using Pipeline.Core.Json;

namespace Pipeline.Core.Feed;

/// <summary>
/// progress.csv: one row per indicator and fiscal year, UTF-8 with a BOM (Excel opens it as such), CRLF,
/// written by CsvHelper; a text cell starting with = + - @ (or tab, CR) gets a ' so that spreadsheets never
/// run it, while numbers (a negative rate) stay numbers.
/// </summary>
public static class FeedCsv
{
    /// <summary>The columns, with their Table Schema type and title (also listed in the Data Package).</summary>
    public static readonly IReadOnlyList<(string Name, string Type, string Title)> Columns =
    [
        ("plan_id", "string", "計画ID / plan id"),
        ("basic_policy_id", "string", "基本方針 / basic policy"),
        ("policy_id", "string", "施策方針 / policy direction"),
        ("indicator_id", "string", "指標ID / indicator id"),
        ("indicator_name_ja", "string", "成果指標"),
        ("indicator_name_en", "string", "indicator name"),
        ("unit", "string", "単位 / unit"),
        ("kind", "string", "集計方法 / kind (flow, stock, ratio)"),
        ("fiscal_year", "integer", "年度 / fiscal year (April–March)"),
        ("value", "number", "実績値 / value"),
        ("partial", "boolean", "一部の月・区のみ / partial"),
        ("baseline_fiscal_year", "integer", "基準年度 / baseline fiscal year"),
        ("baseline_value", "number", "基準値 / baseline value"),
        ("target_fiscal_year", "integer", "目標年度 / target fiscal year"),
        ("target_value", "number", "目標値 / target value"),
        ("achievement_rate_percent", "number", "達成率 / achievement rate (%)"),
        ("status", "string", "状況 / status at this fiscal year"),
        ("direction", "string", "望ましい方向 / direction (increase, decrease: lower is better)"),
    ];

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\r\n",
        // Text cells are neutralised by Text below (a ' in front, quoted only where RFC 4180 needs it);
        // CsvHelper's own escape would quote every such cell as well.
        Injection = CsvInjection.None,
        FormatProvider = CultureInfo.InvariantCulture,
        WriteByteOrderMark = true,
    };

    /// <summary>The CSV file's bytes.</summary>
    public static byte[] Write(ProgressFeed feed)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            foreach (var column in Columns)
            {
                csv.WriteField(column.Name);
            }

            csv.EndRecord();
            foreach (var indicator in feed.Indicators)
            {
                foreach (var actual in indicator.Actuals)
                {
                    Text(csv, feed.Plan.Id);
                    Text(csv, indicator.BasicPolicyId);
                    Text(csv, indicator.PolicyId);
                    Text(csv, indicator.Id);
                    Text(csv, indicator.Name.Ja);
                    Text(csv, indicator.Name.En ?? "");
                    Text(csv, indicator.Unit);
                    Text(csv, PipelineJson.Name(indicator.Kind));
                    Number(csv, actual.FiscalYear);
                    Number(csv, actual.Value);
                    Text(csv, actual.Partial ? "true" : "false");
                    Number(csv, indicator.Baseline.FiscalYear);
                    Number(csv, indicator.Baseline.Value);
                    Number(csv, indicator.Target.FiscalYear);
                    Number(csv, indicator.Target.Value);
                    Number(csv, actual.AchievementRatePercent);
                    Text(csv, PipelineJson.Name(actual.Status));
                    Text(csv, PipelineJson.Name(indicator.Direction));
                    csv.EndRecord();
                }
            }
        }

        return buffer.ToArray();
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

    private static void Text(CsvWriter csv, string value) =>
        csv.WriteField(value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value);

    private static void Number(CsvWriter csv, decimal? value) => csv.WriteField(value, default);

    private static void Number(CsvWriter csv, int value) => csv.WriteField(value, default);
}

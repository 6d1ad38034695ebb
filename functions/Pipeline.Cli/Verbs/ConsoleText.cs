using System.Globalization;
using System.Text;
using Pipeline.Application.Reports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Json;
using Pipeline.Domain.Problems;
using Pipeline.Domain.Progress;
using Pipeline.Domain.Uploads;
using Pipeline.Publishing.Document;

namespace Pipeline.Cli.Verbs;

/// <summary>Readable output for people at a terminal: reports, and the progress table, aligned for Japanese
/// text.</summary>
internal static class ConsoleText
{
    public static void Report(TextWriter output, string file, UploadReport report)
    {
        var c = report.Counts;
        output.WriteLine(
            $"{file}: {Status(report.Status)} — {c.Observations} values, {c.Evaluations} evaluations, {c.Errors} " +
                $"errors, {c.Warnings} warnings ({c.RowsRead} rows read)");
        if (report.Status == UploadStatus.Duplicate && report.Notice is { } notice)
        {
            output.WriteLine($"  {notice.Ja}");
            output.WriteLine($"  {notice.En}");
        }

        foreach (var p in report.Problems)
        {
            var where = (p.Sheet, p.Row, p.Column) switch
            {
                (null, null, _) => "",
                (var s, null, _) => $"{s}: ",
                (var s, var r, null) => $"{s} {r}行目: ",
                (var s, var r, var col) => $"{s}!{col}{r}: ",
            };
            output.WriteLine(
                $"  {PipelineJson.Name(p.Severity),-7} {PipelineJson.Name(p.Code),-26} {where}{p.Message.Ja}");
            output.WriteLine($"  {"",-7} {"",-26} {new string(' ', DisplayWidth(where))}{p.Message.En}");
        }
    }

    private static string Status(UploadStatus status) => Label(StatusLabels.Of(status));

    /// <summary>A status as the table shows it: Japanese, then English.</summary>
    public static string StatusLabel(ProgressStatus status) => Label(StatusLabels.Of(status));

    private static string Label(LocalizedText text) => $"{text.Ja} {text.En}";

    public static void ProgressTable(TextWriter output, ProgressFeed feed)
    {
        string[] headers =
            ["指標 indicator", "最新年度 FY", "実績 value", "目標 target", "達成率 rate", "状況 status", "年度途中 year to date"];
        var rows = feed.Indicators.Select(i => new[]
        {
            $"{i.Id} {Shorten(i.Name.Ja, 28)}{(i.Direction == IndicatorDirection.Decrease ? " ↓" : "")}",
            i.Latest is { } l ? $"FY{l.FiscalYear}" : "—",
            i.Latest?.Value is { } v ? Number(v) + i.Unit : "—",
            $"{Number(i.Target.Value ?? 0)}{i.Unit} (FY{i.Target.FiscalYear})",
            i.AchievementRatePercent is { } r ? $"{r.ToString("0.0", CultureInfo.InvariantCulture)}%" : "—",
            StatusLabel(i.Status) + (i.Overdue ? " ⚠overdue" : ""),
            i.YearToDate is { } y
                ? $"FY{y.FiscalYear}{(y.MonthsReported is { } m ? $" {m}か月 months" : "")}: {Number(y.Value)}{i.Unit}"
                    : "",
        }).ToList();
        Table(output, headers, rows);
    }

    /// <summary>An aligned table; wide characters count two columns.</summary>
    public static void Table(TextWriter output, string[] headers, IReadOnlyList<string[]> rows)
    {
        var widths =
            headers.Select((h, c) =>
                Math.Max(DisplayWidth(h), rows.Select(r => DisplayWidth(r[c])).DefaultIfEmpty(0).Max())).ToArray();
        output.WriteLine(Line(headers, widths));
        output.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row, widths));
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join(" | ", cells.Select((cell, c) => cell + new string(' ', widths[c] - DisplayWidth(cell)))).TrimEnd();

    private static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string Shorten(string text, int width)
    {
        var builder = new StringBuilder();
        foreach (var ch in text)
        {
            if (DisplayWidth(builder.ToString()) + DisplayWidth(ch.ToString()) > width - 1)
            {
                return builder.Append('…').ToString();
            }

            builder.Append(ch);
        }

        return builder.ToString();
    }

    /// <summary>Terminal columns: East Asian wide and full-width characters take two.</summary>
    public static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var v = rune.Value;
            width += v is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3
                or >= 0xF900 and <= 0xFAFF or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60
                or >= 0xFFE0 and <= 0xFFE6
                or >= 0x1F300 and <= 0x1FAFF or >= 0x20000 and <= 0x3FFFD ? 2 : 1;
        }

        return width;
    }
}

using CsvHelper;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Json;
using Pipeline.Publishing.Document;

namespace Pipeline.Publishing.Formats;

/// <summary>
/// revisions.csv (RULES.md §8): every published value a later upload replaced, oldest first, with exactly the
/// columns the rules list; UTF-8 with a BOM, CRLF, times in ISO 8601 UTC, month blank for an annual value.
/// </summary>
public static class RevisionsCsv
{
    /// <summary>The file name.</summary>
    public const string Name = FeedPaths.RevisionsName;

    /// <summary>The columns of RULES.md §8, in order.</summary>
    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        new("plan_id", "string", "計画ID", "Plan id"),
        new("indicator_id", "string", "指標ID", "Indicator id"),
        new("fiscal_year", "integer", "年度", "Fiscal year"),
        new("area_code", "string", "全国地方公共団体コード", "Local government code of the area"),
        new("month", "integer", "月", "Month (1–12), blank for an annual value"),
        new("previous_value", "number", "修正前の値", "Value before the revision"),
        new("value", "number", "修正後の値", "Value after the revision"),
        new("previous_upload_id", "string", "修正前のアップロードID", "Upload that gave the previous value"),
        new("upload_id", "string", "アップロードID", "Upload that gave the new value"),
        new("previous_received_at", "datetime", "修正前の受付日時", "When the previous upload was received (UTC)"),
        new("received_at", "datetime", "受付日時", "When the revising upload was received (UTC)"),
        new("department_id", "string", "提出課ID", "Department of the revising upload"),
        new("previous_flag", "string", "修正前の値の区分",
            "Flag of the previous value (RULES.md §13); blank for a final figure"),
        new("flag", "string", "修正後の値の区分",
            "Flag of the new value; a provisional figure replaced by the final one is a revision even when equal"),
        new("after_confirmation", "boolean", "確定後の変更",
            "true where the change was published after the plan secretariat confirmed the year (RULES.md §14)"),
    ];

    /// <summary>The CSV file's bytes.</summary>
    public static byte[] Write(ProgressFeed feed) => FeedBuffer.Bytes(output => Write(feed, output));

    /// <summary>Writes the CSV file to <paramref name="output"/>, left open.</summary>
    public static void Write(ProgressFeed feed, Stream output)
    {
        using (var csv = CsvWriter.Create(output, FeedCsv.Options, leaveOpen: true))
        {
            FeedCsv.Header(csv, Columns);
            foreach (var (indicator, actual, revision) in FeedProvenance.Revisions(feed))
            {
                FeedCsv.Text(csv, feed.Plan.Id);
                FeedCsv.Text(csv, indicator.Id);
                FeedCsv.Number(csv, actual.FiscalYear);
                FeedCsv.Text(csv, revision.AreaCode);
                FeedCsv.Number(csv, revision.Month);
                FeedCsv.Number(csv, revision.PreviousValue);
                FeedCsv.Number(csv, revision.Value);
                FeedCsv.Text(csv, revision.PreviousUploadId);
                FeedCsv.Text(csv, revision.UploadId);
                FeedCsv.Text(csv, FeedCsv.Timestamp(revision.PreviousReceivedAt));
                FeedCsv.Text(csv, FeedCsv.Timestamp(revision.ReceivedAt));
                FeedCsv.Text(csv, revision.DepartmentId);
                FeedCsv.Text(csv, revision.PreviousFlag is { } previous ? PipelineJson.Name(previous) : "");
                FeedCsv.Text(csv, revision.Flag is { } flag ? PipelineJson.Name(flag) : "");
                FeedCsv.Text(csv, revision.AfterConfirmation ? "true" : "false");
                csv.EndRecord();
            }
        }
    }
}

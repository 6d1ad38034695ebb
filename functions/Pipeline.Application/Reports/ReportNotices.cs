using Pipeline.Domain.Uploads;

namespace Pipeline.Application.Reports;

/// <summary>
/// What a report says of its status for the department's data (RULES.md §2), in Japanese and English.
/// </summary>
public static class ReportNotices
{
    /// <summary>An accepted upload: the rule that the upload received last wins.</summary>
    public static readonly ReportMessage LatestReceivedWins = new(
        "同じ指標・年度・地域・月の値は、最後に受け付けた提出のものが有効です。訂正は、直した内容のファイルを提出し直すだけで反映されます"
        + "（同じファイル名でも構いません）。以前の値は履歴に残ります。",
        "For each indicator, fiscal year, area and month, the upload received last wins: to correct a value, "
        + "upload the corrected file again (under the same name or another). Earlier values stay in the history.");

    /// <summary>A duplicate: what it repeats, and that nothing changes.</summary>
    public static ReportMessage Duplicate(UploadId of) => new(
        $"この提出は、受理済みの提出 {of} と同じ内容のため、値は変わりません。"
        + "同じ指標・年度・地域・月の値は、最後に受け付けた提出のものが有効です。",
        $"This upload has the same content as upload {of}, already accepted: nothing changes. "
        + "For each indicator, fiscal year, area and month, the upload received last wins.");

    /// <summary>
    /// A report made from the ledger for an upload whose report was written over by a later upload of the same name
    /// (before issue 22).
    /// </summary>
    public static readonly ReportMessage FromLedger = new(
        "この提出の詳しい報告は、同じファイル名の後の提出で上書きされたため残っていません（以前の版の保存方法）。状態と件数は台帳の記録です。",
        "The detailed report of this upload was written over by a later upload of the same file name (how earlier "
        + "versions stored reports); its status and counts are the ledger's record.");
}

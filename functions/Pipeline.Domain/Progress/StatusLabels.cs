using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Uploads;

namespace Pipeline.Domain.Progress;

/// <summary>
/// The words shown to people for each status and rating, in Japanese and English: the one place the
/// feed, the reports and the command line take them from (the dashboard's script carries the same words).
/// </summary>
public static class StatusLabels
{
    /// <summary>達成, 順調, 遅れ, 悪化, データなし.</summary>
    public static LocalizedText Of(ProgressStatus status) => status switch
    {
        ProgressStatus.Achieved => new("達成", "achieved"),
        ProgressStatus.OnTrack => new("順調", "on track"),
        ProgressStatus.Behind => new("遅れ", "behind"),
        ProgressStatus.Deteriorated => new("悪化", "deteriorated"),
        _ => new("データなし", "no data"),
    };

    /// <summary>運用中 active, 終了 closed (RULES.md §7).</summary>
    public static LocalizedText Of(PlanStatus status) => status switch
    {
        PlanStatus.Active => new("運用中", "active"),
        _ => new("終了（修正は受付）", "closed (corrections accepted)"),
    };

    /// <summary>受理, 不受理, 重複, 公開前, 差戻し, 失敗.</summary>
    public static LocalizedText Of(UploadStatus status) => status switch
    {
        UploadStatus.Accepted => new("受理", "accepted"),
        UploadStatus.Rejected => new("不受理", "rejected"),
        UploadStatus.Duplicate => new("重複", "duplicate"),
        UploadStatus.PendingReview => new("公開前（事務局の確認待ち）", "not yet published (pending review)"),
        UploadStatus.Returned => new("差戻し", "returned"),
        _ => new("失敗", "failed"),
    };

    /// <summary>A 順調, B 概ね順調, C 遅れ, D 未着手.</summary>
    public static LocalizedText Of(Rating rating) => rating switch
    {
        Rating.A => new("順調", "On track"),
        Rating.B => new("概ね順調", "Mostly on track"),
        Rating.C => new("遅れ", "Delayed"),
        _ => new("未着手", "Not started"),
    };
}

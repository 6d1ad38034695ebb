using Microsoft.AspNetCore.Http;
using Pipeline.Application.Reports;
using Pipeline.Domain.Json;

namespace Pipeline.Portal.Http;

/// <summary>The portal's errors as RFC 9457 problem details (<c>application/problem+json</c>), worded in Japanese and
/// English.</summary>
public static class Problems
{
    /// <summary>Where the problem types are described (docs/portal.md).</summary>
    public const string TypeBase = "urn:pipeline:problem:";

    public static IResult Unauthorized() => Create("unauthorized", "サインインが必要です / Sign-in required", 401,
        "サインインしてください。 / Sign in first.");

    /// <summary>A browser sign-in that cannot be completed (state, nonce, code or token not accepted).</summary>
    public static IResult SignInRefused(string ja, string en) =>
        Create("sign-in-refused", "サインインできません / Sign-in refused", 401, $"{ja} / {en}");

    /// <summary>A state-changing request that did not come from the portal's own page (its <c>Origin</c> is another
    /// site's or missing).</summary>
    public static IResult CrossOriginRefused() => Create("cross-origin-refused", "受け付けられません / Refused", 403,
        "この操作はポータルの画面からだけ行えます。 / This is accepted only from the portal's own page.");

    /// <summary>The portal session ended, but the tenant could not be reached to end the Entra ID session as
    /// well.</summary>
    public static IResult SignOutIncomplete() =>
        Create("sign-out-incomplete", "サインアウトが完了していません / Sign-out incomplete", 502,
        "ポータルからはサインアウトしましたが、Entra ID に接続できず、Entra ID のサインインは残っています。共用のパソコンでは、ブラウザーをすべて閉じてください。"
        + " / You are signed out of the portal, but Entra ID could not be reached and its sign-in remains; on a " +
            "shared computer, close every browser window.");

    public static IResult Forbidden() => Create("forbidden", "権限がありません / Forbidden", 403,
        "この所属の担当として登録されていません。 / You are not registered to act for this department.");

    /// <summary>Anyone who is not the plan's secretariat, on a secretariat endpoint (RULES.md §14).</summary>
    public static IResult NotSecretariat() => Create("forbidden", "権限がありません / Forbidden", 403,
        "この計画の事務局として登録されていません。 / You are not registered as this plan's secretariat.");

    /// <summary>A decision on something no longer in the state it was asked about (already decided …).</summary>
    public static IResult Conflict(string ja, string en) =>
        Create("conflict", "状態が変わっています / Conflict", 409, $"{ja} / {en}");

    public static IResult NotFound(string ja, string en) =>
        Create("not-found", "見つかりません / Not found", 404, $"{ja} / {en}");

    public static IResult BadRequest(string ja, string en) =>
        Create("bad-request", "要求が正しくありません / Bad request", 400, $"{ja} / {en}");

    public static IResult TooLarge(long maxBytes) => Create("too-large", "ファイルが大きすぎます / File too large", 413,
        $"ファイルは {maxBytes / (1024 * 1024)} MB までです。 / Files are limited to {maxBytes / (1024 * 1024)} MB.");

    public static IResult UnsupportedFormat(IReadOnlyList<string> extensions) => Create("unsupported-format",
        "受け付けない形式です / Unsupported format", 415,
        $"{string.Join("、", extensions)} のいずれかで提出してください。 / Submit one of {string.Join(", ", extensions)}.");

    public static IResult NotReady() => Create("report-not-ready", "報告はまだありません / Report not ready", 404,
        "取り込み中です。しばらくしてから再度確認してください。 / The upload is being processed; try again shortly.");

    /// <summary>
    /// Our own failure (RULES.md §9): where it happened and the record to find in the log, never the exception's text,
    /// and never blamed on the person's file.
    /// </summary>
    public static IResult Internal(string method, PathString path, string traceId) => Create("internal-error",
        "ポータルの内部エラー / Internal error", 500,
        $"ポータルの内部で処理に失敗しました（{method} {path}、記録 {traceId}）。ファイルや入力の誤りではありません。"
        + "しばらくしてから再度お試しください。続く場合は、この記録を管理者に伝えてください。"
        + $" / The portal failed inside ({method} {path}, record {traceId}); this is not a fault in your file or input."
        + " Try again shortly; if it goes on, give the administrator this record.");

    /// <summary>A request the server could not read (its framing or encoding broken).</summary>
    public static IResult Unreadable() => BadRequest("要求を読み取れませんでした。送り直してください。",
        "The request could not be read; send it again.");

    /// <summary>A validated file that would be rejected: 422 with its report.</summary>
    public static IResult Rejected(UploadReport report) => Create("rejected", "受理できません / Would be rejected", 422,
        $"{report.Counts.Errors} 件のエラーがあります。 / The file has {report.Counts.Errors} errors.", report);

    private static IResult Create(string type, string title, int status, string detail, UploadReport? report = null) =>
        Results.Json(new ProblemDocument(TypeBase + type, title, status, detail, report),
            PipelineJson.TypeInfo<ProblemDocument>(ProblemJson.Options), "application/problem+json", status);
}

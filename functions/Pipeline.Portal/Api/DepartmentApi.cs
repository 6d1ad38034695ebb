using Microsoft.AspNetCore.Http;
using Pipeline.Portal.Access;
using Pipeline.Portal.Api.Documents;
using Pipeline.Portal.Http;
using Pipeline.Portal.Plans;
using Pipeline.Application.Ingestion;
using Pipeline.Application.Obligations;
using Pipeline.Application.Ports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Uploads;
using Pipeline.Spreadsheets;
using Pipeline.Spreadsheets.Reading;
using Pipeline.Spreadsheets.Templates;

namespace Pipeline.Portal.Api;

/// <summary>
/// The endpoints of one department of one plan (RULES.md §9). Each begins with <see
/// cref="PortalAccess.ForDepartmentAsync"/>:
/// nothing is read, checked or stored for someone who may not act for the department.
/// </summary>
public sealed class DepartmentApi(
    PortalAccess access, IPortalPlans plans, ObligationService obligations, IUploadStore uploads,
        IUploadHistory history,
    UploadReportLookup reports, IAfterUpload afterUpload, ReadLimits limits, TimeProvider clock,
    IReviewLedger reviews)
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Most uploads listed in the history.</summary>
    public const int HistoryLimit = 200;

    /// <summary><c>GET …/obligations</c>.</summary>
    public async Task<IResult> ObligationsAsync(HttpContext context, string planId, string departmentId)
    {
        var decision = await access.ForDepartmentAsync(context, planId, departmentId, orSecretariat: true);
        return decision.Denied
            ?? PortalApi.Json(await obligations.ForAsync(decision.Plan!, decision.Department!, context.RequestAborted));
    }

    /// <summary><c>GET …/template</c>: the department's submission workbook.</summary>
    public async Task<IResult> TemplateAsync(HttpContext context, string planId, string departmentId)
    {
        var decision = await access.ForDepartmentAsync(context, planId, departmentId);
        if (decision.Denied is { } denied)
        {
            return denied;
        }

        var workbook = new MemoryStream();
        SubmissionTemplate.Write(decision.Plan!, decision.Department!, workbook);
        return Results.File(workbook.ToArray(), XlsxType,
            $"{decision.Plan!.Id}_{decision.Department!.Id}_template.xlsx");
    }

    /// <summary><c>POST …/validate?name=</c>: the report, storing nothing; 422 with the report when it would be
    /// rejected.</summary>
    public async Task<IResult> ValidateAsync(HttpContext context, string planId, string departmentId)
    {
        var (decision, name, body, refused) = await ReceiveAsync(context, planId, departmentId);
        if (refused is not null)
        {
            return refused;
        }

        await using (body)
        {
            var report =
                await plans.ValidateAsync(decision!.Plan!, decision.Department!, name!, body!, context.RequestAborted);
            return report.Status == UploadStatus.Accepted ? PortalApi.Json(report) : Problems.Rejected(report);
        }
    }

    /// <summary>
    /// <c>POST …/uploads?name=</c>: stores the file for ingestion at a path of its own (an upload never replaces
    /// another, RULES.md §2); 202 with the upload's id and where its report will be.
    /// </summary>
    public async Task<IResult> UploadAsync(HttpContext context, string planId, string departmentId)
    {
        var (decision, name, body, refused) = await ReceiveAsync(context, planId, departmentId);
        if (refused is not null)
        {
            return refused;
        }

        await using (body)
        {
            var sha256 = await Sha256.OfAsync(body!, context.RequestAborted);
            body!.Position = 0;
            var path = plans.NewUploadPath(decision!.Plan!, decision.Department!, name!, clock.GetUtcNow());
            var person = decision.Principal!;
            var version = await uploads.StoreAsync(path, body, $"{person.Name} <{person.Id}>", context.RequestAborted);
            var uploadId = UploadId.Of(path, version, sha256);
            afterUpload.Stored(path.BlobName);
            var report = ReportUrl(planId, departmentId, uploadId);
            context.Response.Headers.Location = report;
            return PortalApi.Json(new UploadAcceptedDocument(uploadId, name!, path.BlobName, sha256, report),
                StatusCodes.Status202Accepted);
        }
    }

    /// <summary><c>GET …/uploads</c>: the department's uploads, the last received first, with their reports.</summary>
    public async Task<IResult> HistoryAsync(HttpContext context, string planId, string departmentId)
    {
        var decision = await access.ForDepartmentAsync(context, planId, departmentId, orSecretariat: true);
        if (decision.Denied is { } denied)
        {
            return denied;
        }

        var records = await history.RecentAsync(
            decision.Plan!.Id, decision.Department!.Id, HistoryLimit, context.RequestAborted);
        // The secretariat's decisions (RULES.md §14): a returned upload shows its comment here and in its report.
        var decisions = await reviews.ReviewsAsync(decision.Plan.Id, context.RequestAborted);
        var items = records.Select(r =>
        {
            var review = decisions.GetValueOrDefault(r.UploadId.Value);
            return new UploadHistoryItem(r.UploadId, r.DisplayName, r.Status, r.ReceivedAt, r.ProcessedOn,
                r.UploadedBy, r.Observations, r.Evaluations, r.Errors, r.Warnings, r.DuplicateOf,
                ReportUrl(planId, departmentId, r.UploadId), review?.Comment, review?.DecidedAt);
        }).ToArray();
        return PortalApi.Json(new UploadHistoryDocument(planId, departmentId, items));
    }

    /// <summary>
    /// <c>GET …/uploads/{uploadId}/report</c>: the report of that upload (<see cref="UploadReportLookup"/>); 404
    /// (report not ready) until ingestion has written it, and for an id that is not one of the department's uploads.
    /// </summary>
    public async Task<IResult> ReportAsync(HttpContext context, string planId, string departmentId, string uploadId)
    {
        var decision = await access.ForDepartmentAsync(context, planId, departmentId, orSecretariat: true);
        if (decision.Denied is { } denied)
        {
            return denied;
        }

        if (!UploadId.TryParse(uploadId, out var id))
        {
            return Problems.NotFound("そのアップロードはありません。", "No such upload.");
        }

        var report = await reports.FindAsync(decision.Plan!.Id, decision.Department!.Id, id, context.RequestAborted);
        return report is null ? Problems.NotReady() : PortalApi.Json(report);
    }

    /// <summary>The access check, the file name and the body within the limit, in that order; or the problem.</summary>
    private async Task<(AccessDecision? Decision, string? Name, MemoryStream? Body, IResult? Refused)> ReceiveAsync(
        HttpContext context, string planId, string departmentId)
    {
        var decision = await access.ForDepartmentAsync(context, planId, departmentId);
        if (decision.Denied is { } denied)
        {
            return (null, null, null, denied);
        }

        var name = UploadFileName.Clean(context.Request.Query["name"].ToString());
        if (name is null)
        {
            return (null, null, null,
                Problems.BadRequest("ファイル名（?name=）がありません。", "The file name (?name=) is missing."));
        }

        if (!UploadFileName.IsAcceptedFormat(name))
        {
            return (null, null, null, Problems.UnsupportedFormat(SubmissionReader.AcceptedExtensions));
        }

        var body = await UploadBody.ReadAsync(context, limits.MaxFileBytes, context.RequestAborted);
        return body is null
            ? (null, null, null, Problems.TooLarge(limits.MaxFileBytes))
            : (decision, name, body, null);
    }

    private static string ReportUrl(string planId, string departmentId, UploadId uploadId) =>
        $"{Base(planId, departmentId)}/uploads/{uploadId}/report";

    private static string Base(string planId, string departmentId) =>
        $"/api/plans/{Uri.EscapeDataString(planId)}/departments/{Uri.EscapeDataString(departmentId)}";
}

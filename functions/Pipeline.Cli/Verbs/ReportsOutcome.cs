using Pipeline.Application.Reports;
using Pipeline.Domain.Uploads;

namespace Pipeline.Cli.Verbs;

/// <summary>The end of a verb that read files: the reports as JSON if asked, and the exit code they give.</summary>
internal static class ReportsOutcome
{
    /// <summary>
    /// <see cref="ExitCode.Ok"/> when every file was accepted, a duplicate, or accepted and waiting for the
    /// secretariat's review (nothing is wrong with it), else <see cref="ExitCode.Rejected"/>.
    /// </summary>
    public static async Task<int> FinishAsync(List<UploadReport> reports, bool json, TextWriter output)
    {
        if (json)
        {
            await output.WriteLineAsync("["
                + string.Join(",", reports.Select(r => System.Text.Encoding.UTF8.GetString(r.ToJson()))) + "]");
        }

        return reports.All(r => r.Status is UploadStatus.Accepted or UploadStatus.Duplicate
            or UploadStatus.PendingReview) ? ExitCode.Ok : ExitCode.Rejected;
    }
}

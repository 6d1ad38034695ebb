using System.Text;
using Microsoft.Playwright;
using Pipeline.Cli.Serve;
using Pipeline.Testing;
using static Pipeline.Portal.Tests.PortalServer;

namespace Pipeline.Portal.Tests;

/// <summary>
/// Issue 22 in Chromium against <c>pipeline serve</c>: a person corrects a figure and uploads the file again under
/// the same name; both history rows open their own reports, the dashboard shows the corrected value after the
/// aggregation, and the same file dropped once more is shown as a duplicate. Screenshot:
/// <c>out/test-screenshots/portal-correction.png</c>.
/// </summary>
public sealed class PortalCorrectionBrowserTests : PortalInBrowser
{
    private const string FileName = "成果指標_実績.csv";


    private static byte[] File(int value) => Encoding.UTF8.GetBytes($"指標ID,年度,実績値\nI-1-K2,令和3年度,{value}\n");

    private static async Task UploadAsync(IPage page, int value)
    {
        var file = new FilePayload { Name = FileName, MimeType = "text/csv", Buffer = File(value) };
        await page.SetInputFilesAsync("#file", file);
        await page.ClickAsync("#upload-form button[data-mode=upload]");
    }

    /// <summary>The report on the page is that of the upload giving <paramref name="value"/>, with the status given.</summary>
    private static async Task ExpectReportAsync(IPage page, string status, int value)
    {
        await Assertions.Expect(page.Locator("#report-status"))
            .ToContainTextAsync($"{FileName}: {status}", new() { Timeout = 60_000 });
        // The values read are the upload's own (the status alone could still be the previous report's): the value
        // column, before the flag and note.
        await Assertions.Expect(page.Locator("#values tbody tr td").Nth(4))
            .ToHaveTextAsync(value.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 60_000 });
    }

    [Fact]
    public async Task A_corrected_file_uploaded_again_under_its_name_wins_and_each_history_row_opens_its_own_report()
    {
        var page = await Browser.NewPageAsync(1280, 1200);
        await page.GotoAsync(Server.Portal.ToString());
        var option = await page.Locator("#dev-choice option", new() { HasText = $"（{DepartmentA}）" })
            .GetAttributeAsync("value");
        await page.SelectOptionAsync("#dev-choice", option!);
        await page.ClickAsync("#dev-form button[type=submit]");
        await Assertions.Expect(page.Locator("#workspace")).ToBeVisibleAsync();

        // The file, then the same file with one figure fixed, under the same name.
        await UploadAsync(page, 150);
        await ExpectReportAsync(page, "受理 accepted", 150);
        await UploadAsync(page, 180);
        await ExpectReportAsync(page, "受理 accepted", 180);
        await Assertions.Expect(page.Locator("#report-notice")).ToContainTextAsync("最後に受け付けた提出");

        // Two rows of one file name, the last received first; each opens its own report.
        var history = page.Locator("#history tbody tr");
        await Assertions.Expect(history).ToHaveCountAsync(2);
        await history.Nth(1).Locator("button").ClickAsync();
        await ExpectReportAsync(page, "受理 accepted", 150);
        await history.Nth(0).Locator("button").ClickAsync();
        await ExpectReportAsync(page, "受理 accepted", 180);

        // After the aggregation that followed, the dashboard shows the corrected value.
        await Server.IdleAsync();
        var dashboard = await Browser.NewPageAsync(1280, 2000);
        await dashboard.GotoAsync(new Uri(Server.Address, $"/feeds/v1/{Plan}/index.html").ToString());
        await dashboard.WaitForSelectorAsync("[data-rendered=true]", new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(dashboard.Locator("article[data-indicator=\"I-1-K2\"] [data-field=latest]"))
            .ToHaveTextAsync("180人（FY2021）");

        // The same file dropped once more: a duplicate of the upload it repeats, and the page says so.
        await UploadAsync(page, 180);
        await Assertions.Expect(page.Locator("#report-status"))
            .ToContainTextAsync($"{FileName}: 重複 duplicate", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#report-notice")).ToContainTextAsync("同じ内容");
        await Assertions.Expect(history).ToHaveCountAsync(3);
        await Assertions.Expect(history.Nth(0)).ToContainTextAsync("重複 duplicate");
        await Assertions.Expect(history.Nth(1)).ToContainTextAsync("受理 accepted");
        var screenshot = HeadlessBrowser.ScreenshotPath("portal-correction.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        await Server.IdleAsync();
    }
}

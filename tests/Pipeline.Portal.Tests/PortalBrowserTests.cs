using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Pipeline.Cli.Serve;
using Pipeline.Publishing.Document;
using Pipeline.Testing;
using static Pipeline.Portal.Tests.PortalServer;

namespace Pipeline.Portal.Tests;

/// <summary>
/// The portal as a department's staff member uses it, in Chromium driven by Playwright, against <c>pipeline serve</c>'s
/// server on Azurite in the Development environment: sign in, what is owed, the template, an accepted upload whose
/// values reach the dashboard after the aggregation, a broken file's located problems, and the history of both.
/// Screenshots go to <c>out/test-screenshots/portal-*.png</c>.
/// </summary>
public sealed class PortalBrowserTests : PortalInBrowser
{
    [Fact]
    public async Task A_department_signs_in_sees_what_it_owes_gets_its_template_uploads_and_reads_its_reports_and_history()
    {
        var page = await Browser.NewPageAsync(1280, 1000);
        var refused = new List<string>();
        ContentSecurityPolicyWatch.Watch(page, refused);
        await page.GotoAsync(Server.Portal.ToString());

        // Development sign-in, saying so on the page.
        await Assertions.Expect(page.Locator("#dev-notice")).ToContainTextAsync("Development");
        await page.ScreenshotAsync(new() { Path = HeadlessBrowser.ScreenshotPath("portal-sign-in.png"), FullPage = true });
        var option = await page.Locator("#dev-choice option", new() { HasText = $"（{DepartmentA}）" }).GetAttributeAsync("value");
        await page.SelectOptionAsync("#dev-choice", option!);
        await page.ClickAsync("#dev-form button[type=submit]");
        await Assertions.Expect(page.Locator("#workspace")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#who")).ToContainTextAsync("開発用サインイン / development sign-in");

        // What is owed: one row per fiscal year of the plan, each with its due date and counts in text.
        var years = page.Locator("#owed-years tbody tr");
        await Assertions.Expect(years).ToHaveCountAsync(5);
        await Assertions.Expect(years.First).ToContainTextAsync("FY2020");
        await Assertions.Expect(years.First).ToContainTextAsync("2021-06-30");
        await Assertions.Expect(page.Locator("#owed-items tbody td.state-overdue").First).ToHaveTextAsync("期限超過 overdue");

        // The template downloads as a workbook.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#template-link"));
        Assert.Equal($"{Plan}_{DepartmentA}_template.xlsx", download.SuggestedFilename);
        var template = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.True(template.Length > 2000);
        Assert.Equal((byte)'P', template[0]);
        Assert.Equal((byte)'K', template[1]);
        // The plan's published committee's report is a link away (RULES.md §10).
        await Assertions.Expect(page.Locator("#committee-report-link"))
            .ToHaveAttributeAsync("href", $"/feeds/v1/{Plan}/{FeedPaths.ReportName}");

        // An accepted upload: the report arrives, focus moves to it, its status is in words.
        var sample = Sample(DepartmentA);
        await page.SetInputFilesAsync("#file", new FilePayload { Name = sample.Name, MimeType = "application/octet-stream", Buffer = sample.Content });
        await page.ClickAsync("#upload-form button[data-mode=upload]");
        await Assertions.Expect(page.Locator("#report-status")).ToContainTextAsync("受理 accepted", new() { Timeout = 60_000 });
        Assert.Equal("report-title", await page.EvaluateAsync<string>("document.activeElement.id"));
        await Assertions.Expect(page.Locator("#report-counts")).ToContainTextAsync("エラー 0 件");
        await page.ScreenshotAsync(new() { Path = HeadlessBrowser.ScreenshotPath("portal-accepted.png"), FullPage = true });

        // After the aggregation that followed, the dashboard shows the department's values.
        await Server.IdleAsync();
        using var client = new HttpClient();
        var feed = JsonDocument.Parse(await client.GetStringAsync(new Uri(Server.Address, $"/api/plans/{Plan}/progress"))).RootElement;
        var withValues = feed.GetProperty("indicators").EnumerateArray().Where(i => i.GetProperty("latest").ValueKind == JsonValueKind.Object).ToArray();
        Assert.NotEmpty(withValues);
        // Now published, the committee's report the portal links to downloads (RULES.md §10).
        using (var report = await client.GetAsync(new Uri(new Uri(page.Url),
            await page.Locator("#committee-report-link").GetAttributeAsync("href"))))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, report.StatusCode);
            Assert.Equal(Publishing.Formats.CommitteeReportDocx.ContentType, report.Content.Headers.ContentType?.MediaType);
            Assert.Equal("PK"u8.ToArray(), (await report.Content.ReadAsByteArrayAsync())[..2]);
        }
        var dashboard = await Browser.NewPageAsync(1280, 2000);
        ContentSecurityPolicyWatch.Watch(dashboard, refused);
        await dashboard.GotoAsync(new Uri(Server.Address, $"/feeds/v1/{Plan}/index.html").ToString());
        await dashboard.WaitForSelectorAsync("[data-rendered=true]", new() { State = WaitForSelectorState.Attached });
        foreach (var indicator in withValues)
        {
            var latest = indicator.GetProperty("latest");
            var text = $"{latest.GetProperty("value").GetDecimal().ToString("#,0.#", CultureInfo.InvariantCulture)}{indicator.GetProperty("unit").GetString()}（FY{latest.GetProperty("fiscalYear").GetInt32()}）";
            await Assertions.Expect(dashboard.Locator($"article[data-indicator=\"{indicator.GetProperty("id").GetString()}\"] [data-field=latest]")).ToHaveTextAsync(text);
        }

        // Served with its Content-Security-Policy, the dashboard still draws its bars (their widths set by script).
        Assert.True(await dashboard.EvaluateAsync<bool>(
            "[...document.querySelectorAll('span')].some(s => s.style.width !== '')"));
        await dashboard.ScreenshotAsync(new() { Path = HeadlessBrowser.ScreenshotPath("portal-dashboard-after-upload.png") });

        // A broken file with a name made of markup: located problems, and nothing from the file runs as markup.
        var broken = Encoding.UTF8.GetBytes("indicator_id,fiscal_year,value\nZZ-9-K9,令和３年度,12\nI-1-K1,令和３年度,たくさん\n");
        const string markupName = "<img src=x onerror=\"window.__injected=1\">壊れた.csv";
        await page.SetInputFilesAsync("#file", new FilePayload { Name = markupName, MimeType = "text/csv", Buffer = broken });
        await Assertions.Expect(page.Locator("#chosen")).ToContainTextAsync(markupName);
        await page.ClickAsync("#upload-form button[data-mode=upload]");
        await Assertions.Expect(page.Locator("#report-status")).ToContainTextAsync("不受理 rejected", new() { Timeout = 60_000 });
        var problems = page.Locator("#problems tbody tr");
        Assert.True(await problems.CountAsync() >= 2);
        var firstProblem = problems.First.Locator("td");
        await Assertions.Expect(firstProblem.Nth(0)).ToHaveTextAsync("エラー error");
        await Assertions.Expect(firstProblem.Nth(2)).ToHaveTextAsync("2");
        Assert.NotEqual("—", await firstProblem.Nth(3).TextContentAsync());
        await Assertions.Expect(firstProblem.Nth(5)).ToBeHiddenAsync();
        await page.CheckAsync("#show-en");
        await Assertions.Expect(firstProblem.Nth(5)).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("#main img").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("window.__injected"));
        await page.ScreenshotAsync(new() { Path = HeadlessBrowser.ScreenshotPath("portal-problems.png"), FullPage = true });

        // The history: both uploads, newest first, status in words.
        var history = page.Locator("#history tbody tr");
        await Assertions.Expect(history).ToHaveCountAsync(2);
        await Assertions.Expect(history.Nth(0)).ToContainTextAsync("不受理 rejected");
        await Assertions.Expect(history.Nth(0)).ToContainTextAsync("壊れた.csv");
        await Assertions.Expect(history.Nth(1)).ToContainTextAsync("受理 accepted");
        await Assertions.Expect(history.Nth(1)).ToContainTextAsync(sample.Name);
        await Assertions.Expect(history.Nth(1)).ToContainTextAsync("開発用");

        // The same page at phone width, operated by keyboard: the report button of the accepted upload.
        var phone = await Browser.NewPageAsync(390, 844);
        await phone.Context.AddCookiesAsync((await page.Context.CookiesAsync()).Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path }));
        await phone.GotoAsync(Server.Portal.ToString());
        var show = phone.Locator("#history tbody tr").Nth(1).Locator("button");
        await show.FocusAsync();
        await phone.Keyboard.PressAsync("Enter");
        await Assertions.Expect(phone.Locator("#report-status")).ToContainTextAsync("受理 accepted");
        Assert.Equal("report-title", await phone.EvaluateAsync<string>("document.activeElement.id"));
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"));
        await phone.ScreenshotAsync(new() { Path = HeadlessBrowser.ScreenshotPath("portal-phone.png"), FullPage = true });

        // Nothing the pages did was refused by their Content-Security-Policy.
        Assert.Empty(refused);
    }
}

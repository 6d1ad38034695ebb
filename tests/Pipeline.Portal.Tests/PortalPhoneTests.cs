using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Pipeline.Cli.Serve;
using Pipeline.Testing;
using static Pipeline.Portal.Tests.PortalServer;

namespace Pipeline.Portal.Tests;

/// <summary>
/// The portal on a phone (390 px) as department staff see it, against <c>pipeline serve</c> on Azurite: an empty history
/// that says so, a 199-character file name that wraps, a report with long messages that reflows, area and indicator
/// names beside codes and ids, the evaluations read listed, a Japanese file picker that names every accepted extension,
/// the person's name once, proportional Latin text, a favicon; no page wider than the screen, every text's contrast
/// computed and axe-core clean. Screenshots: <c>out/test-screenshots/portal-phone-*.png</c>.
/// </summary>
public sealed class PortalPhoneTests : PortalInBrowser
{
    private async Task<IPage> SignedInPhoneAsync(string department)
    {
        var page = await Browser.NewPageAsync(PageChecks.PhoneWidth, 844);
        await page.GotoAsync(Server.Portal.ToString());
        var option = await page.Locator("#dev-choice option", new() { HasText = $"（{department}）" }).GetAttributeAsync("value");
        await page.SelectOptionAsync("#dev-choice", option!);
        await page.ClickAsync("#dev-form button[type=submit]");
        await Assertions.Expect(page.Locator("#workspace")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#owed-years tbody tr").First).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task The_portal_fits_a_phone_with_an_empty_history_a_long_file_name_and_a_japanese_file_picker()
    {
        var page = await SignedInPhoneAsync(DepartmentA);

        // Nothing uploaded yet: the history says so.
        await Assertions.Expect(page.Locator("#history tbody td.empty")).ToHaveTextAsync("まだ提出はありません / No uploads yet");
        // The person's name once; the picker in Japanese with every extension the readers accept (.txt too).
        var who = await page.Locator("#who").TextContentAsync();
        var name = JsonDocument.Parse(await page.EvaluateAsync<string>("() => fetch('/api/me').then(r => r.text())")).RootElement;
        Assert.Equal(1, who!.Split(name.GetProperty("name").GetString()!).Length - 1);
        Assert.Equal(Spreadsheets.SubmissionReader.AcceptedExtensions, name.GetProperty("acceptedExtensions").EnumerateArray().Select(e => e.GetString()));
        await Assertions.Expect(page.Locator("#accepted-extensions")).ToHaveTextAsync(string.Join(' ', Spreadsheets.SubmissionReader.AcceptedExtensions));
        Assert.Equal(string.Join(',', Spreadsheets.SubmissionReader.AcceptedExtensions), await page.Locator("#file").GetAttributeAsync("accept"));
        await Assertions.Expect(page.Locator("label.picker")).ToContainTextAsync("ファイルを選ぶ");
        await Assertions.Expect(page.Locator("#chosen")).ToContainTextAsync("選択されていません");
        Assert.False(await page.Locator("#file").IsVisibleAsync() && (await page.Locator("#file").BoundingBoxAsync())!.Width > 2,
            "Chromium's own English file button is hidden behind the Japanese label");
        // Latin text in a proportional font: "iiii" is narrower than "MMMM".
        var widths = await page.EvaluateAsync<double[]>(@"() => ['iiii', 'MMMM'].map(t => {
            const s = document.createElement('span'); s.textContent = t; document.querySelector('#who').appendChild(s);
            const w = s.getBoundingClientRect().width; s.remove(); return w; })");
        Assert.True(widths[0] < widths[1] * 0.6, $"Latin text is monospaced: iiii {widths[0]} px, MMMM {widths[1]} px");
        using (var http = new HttpClient())
        {
            var icon = await page.Locator("link[rel=icon]").GetAttributeAsync("href");
            var response = await http.GetAsync(new Uri(new Uri(page.Url), icon));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        }

        await PageChecks.AssertPhoneReadyAsync(page, "the portal, empty history, at 390 px", "portal-phone-empty.png");

        // A 199-character file name: accepted, listed, wrapping inside the history instead of widening the page.
        var longName = new string('報', 120) + string.Concat(Enumerable.Repeat("report_", 10)) + "x.xlsx";
        longName = longName[..(199 - ".xlsx".Length)] + ".xlsx";
        Assert.Equal(199, longName.Length);
        var sample = Sample(DepartmentA);
        await page.SetInputFilesAsync("#file", new FilePayload { Name = longName, MimeType = "application/octet-stream", Buffer = sample.Content });
        await page.ClickAsync("#upload-form button[data-mode=upload]");
        await Assertions.Expect(page.Locator("#report-status")).ToContainTextAsync("受理 accepted", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#history tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#history tbody tr").First).ToContainTextAsync(longName);

        // The values read name their indicator and area beside the id and code.
        var firstValue = page.Locator("#values tbody tr").First.Locator("td");
        Assert.Matches(@"^I+-\d-K\d \S+", await firstValue.Nth(0).TextContentAsync());
        Assert.Matches(@"^431\d{3} \S+", await firstValue.Nth(2).TextContentAsync());
        await PageChecks.AssertPhoneReadyAsync(page, "the portal with a 199-character file name at 390 px", "portal-phone-long-name.png");

        // The same on a desktop: the name wraps there too.
        await page.SetViewportSizeAsync(1280, 900);
        await PageChecks.AssertFitsAsync(page, "the portal with a 199-character file name at 1280 px");
        var table = await page.EvaluateAsync<double>("() => document.getElementById('history').getBoundingClientRect().width");
        Assert.True(table <= 1280, $"the history table is {table} px wide");
    }

    [Fact]
    public async Task Every_portal_page_names_its_icon_so_no_browser_asks_for_a_favicon_that_is_not_there()
    {
        // Without a <link rel=icon> a browser asks for /favicon.ico, which nothing serves (404).
        var root = Path.Combine(RepositoryRoot.Find(), "functions", "Pipeline.Portal", "wwwroot");
        var pages = Directory.GetFiles(root, "*.html")
            .Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("signed-out.html", pages);
        using var http = new HttpClient();
        foreach (var name in pages)
        {
            var page = new Uri(Server.Portal, name);
            var html = await http.GetStringAsync(page);
            var icon = System.Text.RegularExpressions.Regex.Match(html, "<link rel=\"icon\" href=\"([^\"]+)\"");
            Assert.True(icon.Success, $"{name} names no icon");
            using var response = await http.GetAsync(new Uri(page, icon.Groups[1].Value));
            Assert.Equal((name, System.Net.HttpStatusCode.OK, "image/svg+xml"),
                (name, response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        }
    }

    [Fact]
    public async Task A_report_with_long_messages_and_evaluations_reflows_on_a_phone()
    {
        var page = await SignedInPhoneAsync(DepartmentB);

        // Every row wrong in its own long way, and evaluations the department may give (city initiatives).
        var rows = new StringBuilder("initiative_id,fiscal_year,rating,indicator_id,value\n");
        rows.Append("I-1-1-a,2023,A,,\nI-1-1-b,2023,B,,\n");
        foreach (var i in Enumerable.Range(1, 6))
        {
            rows.Append($",2023,,{new string('Ｘ', 60 + i)}-K{i},たくさん\n");
        }

        await page.SetInputFilesAsync("#file", new FilePayload { Name = "長い説明.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(rows.ToString()) });
        await page.ClickAsync("#upload-form button[data-mode=validate]");
        await Assertions.Expect(page.Locator("#report-status")).ToContainTextAsync("不受理 rejected", new() { Timeout = 60_000 });
        Assert.True(await page.Locator("#problems tbody tr").CountAsync() >= 6);
        await page.CheckAsync("#show-en");

        // On a phone each problem is a block, its cells labelled, its message as wide as the screen allows.
        var message = page.Locator("#problems tbody tr").First.Locator("td").Nth(4);
        Assert.Equal("block", await message.EvaluateAsync<string>("e => getComputedStyle(e).display"));
        Assert.Equal("内容", await message.GetAttributeAsync("data-label"));
        Assert.True((await message.BoundingBoxAsync())!.Width > 250, "the message column is wider than a few characters");
        var caption = await page.Locator("#problems caption").BoundingBoxAsync();
        Assert.True(caption!.Width > 250, $"the table's caption is {caption.Width} px wide");
        await PageChecks.AssertPhoneReadyAsync(page, "a report with long messages at 390 px", "portal-phone-report.png");

        // A file that is accepted lists its evaluations, named.
        var evaluations = "initiative_id,fiscal_year,rating\nI-1-1-a,2023,A\n";
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "評価.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(evaluations) });
        await page.ClickAsync("#upload-form button[data-mode=validate]");
        await Assertions.Expect(page.Locator("#report-status")).ToContainTextAsync("受理 accepted", new() { Timeout = 60_000 });
        var evaluation = page.Locator("#evaluations tbody tr").First.Locator("td");
        Assert.Matches(@"^I-1-1-a \S+", await evaluation.Nth(0).TextContentAsync());
        await Assertions.Expect(evaluation.Nth(1)).ToHaveTextAsync("FY2023");
        await Assertions.Expect(evaluation.Nth(2)).ToHaveTextAsync("A");
        await PageChecks.AssertPhoneReadyAsync(page, "a report with evaluations at 390 px", "portal-phone-evaluations.png");
    }
}

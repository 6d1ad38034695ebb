using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pipeline.Application.Ports;
using Pipeline.Cli.Serve;
using Pipeline.Testing;
using static Pipeline.Portal.Tests.PortalServer;

namespace Pipeline.Portal.Tests;

/// <summary>
/// RULES.md §14 in Chromium, driven by Playwright, against <c>pipeline serve</c>'s server on Azurite in Development:
/// in the reviewed 5th sample plan a department uploads and sees 公開前; the secretariat opens its page, sees the change
/// (old → new) and returns it with a comment; the department reads the comment in its history and report and uploads
/// again, with its own words; the secretariat approves; the aggregation that follows publishes and the dashboard
/// shows the value, its provisional flag and the words; words entered in the portal's form wait and stand alike.
/// Everything the department or the secretariat wrote (markup among it) is shown as text. Screenshots go to
/// <c>out/test-screenshots/review-*.png</c>.
/// </summary>
public sealed class SecretariatBrowserTests : PortalInBrowser, IDisposable
{
    private const string Fifth = "kumamoto-welfare-5";
    private const string Department = "kenko-fukushi-seisaku";
    private const string Header = "指標ID,年度,区,分子,分母,実績値,フラグ,備考,評価・要因分析,課題,今後の方向性\n";
    private const string Markup = "<img src=x onerror=\"window.__injected=1\">";
    private const string ReturnComment = "<b>分母</b>は令和7年12月1日の定数です。確認してください。";
    private const string Issues = Markup + "主任児童委員の欠員が残る校区がある。";
    private const string Entered = "<script>window.__injected=2</script>改選で欠員のある地区が減った。";

    private readonly TempFolder _plans = new("plans-");
    private readonly List<string> _refused = [];

    /// <summary>The fifth plan, served from a plans folder of this test's own.</summary>
    protected override IDictionary<string, string?> Settings()
    {
        var plan = Path.Combine(RepositoryRoot.Find(), "samples", "plans", $"{Fifth}.json");
        File.Copy(plan, _plans.File($"{Fifth}.json"));
        return new Dictionary<string, string?> { ["Pipeline:PlansPath"] = _plans.Path };
    }

    public void Dispose() => _plans.Dispose();

    [Fact]
    public async Task A_returned_upload_is_corrected_by_the_department_approved_by_the_secretariat_and_then_published()
    {
        // The department uploads a wrong denominator: kept, not published (公開前).
        var department = await SignInAsync($"#dev-choice option[value*='\"{Fifth}\"'][value*='\"{Department}\"']");
        await UploadAsync(department, "R7_成果指標_1.csv",
            "I-1-K1,令和7年度,,1502,1666,90.2,速報値,一斉改選後の速報値,,,\n");
        await Assertions.Expect(department.Locator("#report-status")).ToContainTextAsync("公開前 not yet published");
        await Assertions.Expect(department.Locator("#report-review")).ToContainTextAsync("事務局の確認後に公開されます");
        await Assertions.Expect(department.Locator("#history tbody tr").First)
            .ToContainTextAsync("公開前 not yet published");
        await ScreenshotAsync(department, "review-pending.png");
        await Server.IdleAsync();
        Assert.Null(await PublishedI1K1Async());

        // The secretariat sees every department's obligations and the change, old → new, and returns it.
        var secretariat = await SignInAsync($"#dev-choice option[value*='\"{Fifth}\"'][value*='\"secretariat\"']");
        await Assertions.Expect(secretariat.Locator("#secretariat")).ToBeVisibleAsync();
        await Assertions.Expect(secretariat.Locator("#overview tbody td.state-pending")).ToHaveTextAsync("1");
        var pending = secretariat.Locator("#queue article.pending");
        await Assertions.Expect(pending).ToHaveCountAsync(1);
        await Assertions.Expect(pending.Locator("h3")).ToContainTextAsync($"R7_成果指標_1.csv — {Department}");
        var change = pending.Locator("table.changes tbody tr");
        await Assertions.Expect(change).ToHaveCountAsync(1);
        await Assertions.Expect(change.Locator("td").Nth(0)).ToHaveTextAsync("I-1-K1");
        await Assertions.Expect(change.Locator("td").Nth(1)).ToHaveTextAsync("FY2025");
        await Assertions.Expect(change.Locator("td").Nth(4)).ToHaveTextAsync("—");
        await Assertions.Expect(change.Locator("td").Nth(5)).ToHaveTextAsync("90.2（provisional）");
        await ScreenshotAsync(secretariat, "review-queue.png");
        await pending.Locator("textarea").FillAsync(ReturnComment);
        await pending.GetByRole(AriaRole.Button, new() { Name = "差戻し Return" }).ClickAsync();
        await Assertions.Expect(secretariat.Locator("#queue-empty")).ToBeVisibleAsync();
        await Assertions.Expect(secretariat.Locator("#overview tbody td.state-returned")).ToHaveTextAsync("1");
        var audit = secretariat.Locator("#audit tbody tr").First;
        await Assertions.Expect(audit).ToContainTextAsync("差戻し return");
        await Assertions.Expect(audit.Locator("td").Nth(4)).ToHaveTextAsync(ReturnComment);
        await Server.IdleAsync();
        Assert.Null(await PublishedI1K1Async());

        // The department reads the comment, as written, in its history and in the upload's report.
        await department.ReloadAsync();
        var returned = department.Locator("#history tbody tr").First;
        await Assertions.Expect(returned).ToContainTextAsync("差戻し returned");
        await Assertions.Expect(returned.Locator("td.review-comment")).ToHaveTextAsync(ReturnComment);
        await returned.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(department.Locator("#report-review")).ToContainTextAsync(ReturnComment);
        Assert.Equal(0, await department.Locator("#main b").CountAsync());
        await ScreenshotAsync(department, "review-returned.png");

        // It uploads again, the denominator corrected, with its own words (markup among them).
        var issues = Issues.Replace("\"", "\"\"", StringComparison.Ordinal);
        await UploadAsync(department, "R7_成果指標_2.csv",
            $"I-1-K1,令和7年度,,1502,1566,95.9,速報値,一斉改選後の速報値,欠員のある地区が減った。,\"{issues}\",推薦を早める。\n");
        await Assertions.Expect(department.Locator("#report-status")).ToContainTextAsync("公開前 not yet published");

        // The secretariat sees the new change and the words as text, and approves.
        await secretariat.ReloadAsync();
        pending = secretariat.Locator("#queue article.pending");
        await Assertions.Expect(pending).ToHaveCountAsync(1);
        await Assertions.Expect(pending.Locator("table.changes tbody td").Nth(5))
            .ToHaveTextAsync("95.9（provisional）");
        await Assertions.Expect(pending.Locator("p.said")).ToContainTextAsync(Issues);
        Assert.Equal(0, await secretariat.Locator("#main img").CountAsync());
        await pending.GetByRole(AriaRole.Button, new() { Name = "承認 Approve" }).ClickAsync();
        await Assertions.Expect(secretariat.Locator("#queue-empty")).ToBeVisibleAsync();
        await Assertions.Expect(secretariat.Locator("#audit tbody tr").First).ToContainTextAsync("承認 approve");
        Assert.Null(await secretariat.EvaluateAsync<int?>("window.__injected"));
        await ScreenshotAsync(secretariat, "review-approved.png");

        // The aggregation that follows publishes it: the feed and the dashboard have the value, flag and words.
        await Server.IdleAsync();
        Assert.Equal(95.9m, await PublishedI1K1Async());
        var dashboard = await Browser.NewPageAsync(1280, 2000);
        ContentSecurityPolicyWatch.Watch(dashboard, _refused);
        await dashboard.GotoAsync(new Uri(Server.Address, $"/feeds/v1/{Fifth}/index.html").ToString());
        await dashboard.WaitForSelectorAsync("[data-rendered=true]", new() { State = WaitForSelectorState.Attached });
        var card = dashboard.Locator("article[data-indicator=\"I-1-K1\"]");
        await Assertions.Expect(card.Locator("[data-field=latest]")).ToContainTextAsync("95.9");
        await Assertions.Expect(card.Locator("[data-field=latest-flag]"))
            .ToHaveAttributeAsync("data-flag", "provisional");
        await Assertions.Expect(card.Locator("[data-field=commentary-issues]")).ToHaveTextAsync(Issues);
        Assert.Null(await dashboard.EvaluateAsync<int?>("window.__injected"));
        await card.ScrollIntoViewIfNeededAsync();
        await dashboard.ScreenshotAsync(new() { Path = HeadlessBrowser.ScreenshotPath("review-dashboard.png") });

        // The department's history: the approved upload accepted, the returned one still returned.
        await department.ReloadAsync();
        var history = department.Locator("#history tbody tr");
        await Assertions.Expect(history.Nth(0)).ToContainTextAsync("受理 accepted");
        await Assertions.Expect(history.Nth(1)).ToContainTextAsync("差戻し returned");

        // Words entered in the portal's form wait for the secretariat too, and stand once approved.
        await department.Locator("#words-indicator").SelectOptionAsync("I-1-K1");
        await department.Locator("#words-year").SelectOptionAsync("2025");
        await department.FillAsync("#words-assessment", Entered);
        await department.ClickAsync("#words-form button[type=submit]");
        await Assertions.Expect(department.Locator("#words-result")).ToContainTextAsync("公開前 not yet published");
        await secretariat.ReloadAsync();
        pending = secretariat.Locator("#queue article.pending");
        await Assertions.Expect(pending).ToHaveCountAsync(1);
        await Assertions.Expect(pending.Locator("p.said")).ToContainTextAsync(Entered);
        await pending.GetByRole(AriaRole.Button, new() { Name = "承認 Approve" }).ClickAsync();
        await Assertions.Expect(secretariat.Locator("#queue-empty")).ToBeVisibleAsync();
        await Server.IdleAsync();
        await dashboard.ReloadAsync();
        await dashboard.WaitForSelectorAsync("[data-rendered=true]", new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(card.Locator("[data-field=commentary-assessment]")).ToHaveTextAsync(Entered);
        Assert.Null(await dashboard.EvaluateAsync<int?>("window.__injected"));

        // Nothing the pages did was refused by their Content-Security-Policy.
        Assert.Empty(_refused);
    }

    [Fact]
    public async Task The_secretariat_sets_where_reminders_go_on_its_page_and_a_bad_address_is_refused_there()
    {
        var secretariat = await SignInAsync($"#dev-choice option[value*='\"{Fifth}\"'][value*='\"secretariat\"']");
        var input = secretariat.Locator($"#contact-{Department}");
        await Assertions.Expect(input).ToHaveValueAsync("");
        await Assertions.Expect(secretariat.GetByLabel("事務局（期限超過の写し） secretariat (cc of overdue)"))
            .ToHaveValueAsync("");
        await input.FillAsync("kenko@example.jp,  kenko2@example.jp");
        await secretariat.FillAsync("#contact-secretariat", "jimukyoku@example.jp");
        await secretariat.ClickAsync("#contacts-form button[type=submit]");
        await Assertions.Expect(secretariat.Locator("#contacts-result")).ToHaveTextAsync("保存しました / saved");
        // After saving, the page reads the addresses back into the form (one space after each comma, as stored); the
        // lines cannot be typed into until it has.
        await Assertions.Expect(input).ToHaveValueAsync("kenko@example.jp, kenko2@example.jp");

        await input.FillAsync("<b>山田</b> <yamada@example.jp>");
        // The first save's "saved" stays on the page until the second answer comes: wait for that answer (a refusal)
        // before reading the text, however long the server takes on a busy machine (the CI once took over 5 s).
        var refused = await secretariat.RunAndWaitForResponseAsync(
            () => secretariat.ClickAsync("#contacts-form button[type=submit]"),
            r => r.Request.Method == "PUT" && r.Url.EndsWith("/contacts", StringComparison.Ordinal));
        Assert.NotEqual(200, refused.Status);
        await Assertions.Expect(secretariat.Locator("#contacts-result")).ToContainTextAsync("not an e-mail address");
        await ScreenshotAsync(secretariat, "secretariat-contacts.png");

        // What was saved stands, as the store holds it; the refused text changed nothing.
        await secretariat.ReloadAsync();
        await Assertions.Expect(secretariat.Locator($"#contact-{Department}"))
            .ToHaveValueAsync("kenko@example.jp, kenko2@example.jp");
        await Assertions.Expect(secretariat.Locator("#contact-secretariat")).ToHaveValueAsync("jimukyoku@example.jp");
        var store = Server.Services.GetRequiredService<IContactStore>();
        Assert.Equal(["kenko@example.jp", "kenko2@example.jp"],
            await store.AddressesAsync(ContactOwner.Department(Domain.Catalogue.PlanId.Parse(Fifth), Domain.Catalogue.DepartmentId.Parse(Department)), CancellationToken.None));
        Assert.Empty(_refused);
    }

    [Fact]
    public async Task Saving_the_addresses_sends_only_the_lines_changed_so_another_members_change_stands()
    {
        var plan = Domain.Catalogue.PlanId.Parse(Fifth);
        var owner = ContactOwner.Department(plan, Domain.Catalogue.DepartmentId.Parse(Department));
        var store = Server.Services.GetRequiredService<IContactStore>();
        var secretariat = await SignInAsync($"#dev-choice option[value*='\"{Fifth}\"'][value*='\"secretariat\"']");
        var line = secretariat.Locator($"#contact-{Department}");
        await Assertions.Expect(line).ToHaveValueAsync("");

        // Another member of the secretariat saves this department's address after the page was read.
        await store.SetAsync(owner, ["other@example.jp"], CancellationToken.None);

        // This page changes the secretariat's line only; its save is held until the form has been looked at.
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string? sent = null;
        await secretariat.RouteAsync("**/contacts", async route =>
        {
            if (route.Request.Method == "PUT")
            {
                sent = route.Request.PostData;
                await held.Task;
            }

            await route.ContinueAsync();
        });
        await secretariat.FillAsync("#contact-secretariat", "jimukyoku@example.jp");
        await secretariat.ClickAsync("#contacts-form button[type=submit]");

        // While the save is on its way nothing can be typed or saved again.
        await Assertions.Expect(line).ToBeDisabledAsync();
        await Assertions.Expect(secretariat.Locator("#contacts-form button[type=submit]")).ToBeDisabledAsync();
        held.SetResult();
        await Assertions.Expect(secretariat.Locator("#contacts-result")).ToHaveTextAsync("保存しました / saved");

        // Only the changed line was sent; the other member's address stands and is read back into the form.
        using (var body = JsonDocument.Parse(sent!))
        {
            Assert.Equal("jimukyoku@example.jp", body.RootElement.GetProperty("secretariat").GetString());
            Assert.Empty(body.RootElement.GetProperty("departments").EnumerateObject());
        }

        await Assertions.Expect(line).ToHaveValueAsync("other@example.jp");
        await Assertions.Expect(line).ToBeEnabledAsync();
        Assert.Equal(["other@example.jp"], await store.AddressesAsync(owner, CancellationToken.None));
        Assert.Equal(["jimukyoku@example.jp"],
            await store.AddressesAsync(ContactOwner.Secretariat(plan), CancellationToken.None));

        // Saving again without a change sends nothing.
        var puts = 0;
        secretariat.Request += (_, request) => puts += request.Method == "PUT" ? 1 : 0;
        await secretariat.ClickAsync("#contacts-form button[type=submit]");
        await Assertions.Expect(secretariat.Locator("#contacts-result")).ToHaveTextAsync("変更はありません / nothing has changed");
        Assert.Equal(0, puts);
        Assert.Empty(_refused);
    }

    private static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = HeadlessBrowser.ScreenshotPath(name), FullPage = true });

    private async Task<IPage> SignInAsync(string choice)
    {
        var page = await Browser.NewPageAsync(1280, 1200);
        ContentSecurityPolicyWatch.Watch(page, _refused);
        await page.GotoAsync(Server.Portal.ToString());
        var value = await page.Locator(choice).GetAttributeAsync("value");
        await page.SelectOptionAsync("#dev-choice", value!);
        await page.ClickAsync("#dev-form button[type=submit]");
        await Assertions.Expect(page.Locator("#workspace")).ToBeVisibleAsync();
        return page;
    }

    private static async Task UploadAsync(IPage page, string name, string rows)
    {
        await page.SetInputFilesAsync("#file", new FilePayload
        {
            Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Header + rows),
        });
        await page.ClickAsync("#upload-form button[data-mode=upload]");
        await Assertions.Expect(page.Locator("#report-status")).ToContainTextAsync(name, new() { Timeout = 60_000 });
    }

    /// <summary>I-1-K1's published FY2025 value; null where the feed has none, or there is no feed.</summary>
    private async Task<decimal?> PublishedI1K1Async()
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync(new Uri(Server.Address, $"/api/plans/{Fifth}/progress"));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        using var feed = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var indicator = feed.RootElement.GetProperty("indicators").EnumerateArray()
            .Single(i => i.GetProperty("id").GetString() == "I-1-K1");
        return indicator.GetProperty("actuals").EnumerateArray()
            .Where(a => a.GetProperty("fiscalYear").GetInt32() == 2025
                && a.GetProperty("value").ValueKind == JsonValueKind.Number)
            .Select(a => (decimal?)a.GetProperty("value").GetDecimal())
            .SingleOrDefault();
    }
}

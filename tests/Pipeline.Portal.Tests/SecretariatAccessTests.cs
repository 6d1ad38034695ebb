using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Application.Reminders;
using Pipeline.Cli.Serve;
using Pipeline.Portal.Access;
using Pipeline.Testing;
using static Pipeline.Portal.Tests.PortalServer;

namespace Pipeline.Portal.Tests;

/// <summary>
/// RULES.md §14 over HTTP against the real server: every secretariat endpoint answers 401 to nobody and 403 to a
/// department's staff and to the secretariat of another plan, before anything is read; the plan's secretariat gets
/// it, sees every department of its plan and never another plan's; entries and decisions are checked.
/// </summary>
public sealed class SecretariatAccessTests : IAsyncLifetime, IDisposable
{
    private const string Fifth = "kumamoto-welfare-5";
    private const string GroupSecretariat4 = "6a1f0b1e-0000-4000-8000-0000000000a4";
    private const string GroupSecretariat5 = "6a1f0b1e-0000-4000-8000-0000000000a5";
    private readonly TempFolder _plans = new("plans-");
    private LocalServer _server = null!;

    public async Task InitializeAsync()
    {
        File.Copy(Path.Combine(RepositoryRoot.Find(), "samples", "plans", $"{Fifth}.json"), _plans.File($"{Fifth}.json"));
        var settings = GroupMapping(trustPlatformHeader: true);
        settings["Pipeline:PlansPath"] = _plans.Path;
        settings["Portal:Groups:3:GroupId"] = GroupSecretariat4;
        settings["Portal:Groups:3:PlanId"] = Plan;
        settings["Portal:Groups:3:Role"] = "secretariat";
        settings["Portal:Groups:4:GroupId"] = GroupSecretariat5;
        settings["Portal:Groups:4:PlanId"] = Fifth;
        settings["Portal:Groups:4:Role"] = "secretariat";
        _server = await StartAsync("Production", settings);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _plans.Dispose();

    private static readonly string Secretariat4 = PlatformHeader("00000000-0000-0000-0000-0000000000e4", "事務局 四", GroupSecretariat4);
    private static readonly string Secretariat5 = PlatformHeader("00000000-0000-0000-0000-0000000000e5", "事務局 五", GroupSecretariat5);
    private static readonly string DepartmentStaff = PlatformHeader("00000000-0000-0000-0000-0000000000a1", "担当 A", GroupA, GroupB);

    private static (HttpMethod Method, string Path, string? Body)[] Endpoints(string plan) =>
    [
        (HttpMethod.Get, $"/api/plans/{plan}/review", null),
        (HttpMethod.Post, $"/api/plans/{plan}/review/20260101T000000000Z-000000000000", """{"decision":"approve"}"""),
        (HttpMethod.Get, $"/api/plans/{plan}/overview", null),
        (HttpMethod.Post, $"/api/plans/{plan}/fiscal-years/2023/confirm", "{}"),
        (HttpMethod.Post, $"/api/plans/{plan}/fiscal-years/2023/reopen", """{"reason":"x"}"""),
        (HttpMethod.Get, $"/api/plans/{plan}/contacts", null),
        (HttpMethod.Put, $"/api/plans/{plan}/contacts", """{"secretariat":"intruder@example.jp"}"""),
    ];

    [Fact]
    public async Task Nobody_a_department_and_another_plans_secretariat_are_refused_on_every_secretariat_endpoint()
    {
        foreach (var (method, path, body) in Endpoints(Plan))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(method, path, null, body)).StatusCode);
            using var department = await SendAsync(method, path, DepartmentStaff, body);
            Assert.True(department.StatusCode == HttpStatusCode.Forbidden, $"department on {method} {path}: {department.StatusCode}");
            Assert.Equal("application/problem+json", department.Content.Headers.ContentType?.MediaType);
            using var other = await SendAsync(method, path, Secretariat5, body);
            Assert.True(other.StatusCode == HttpStatusCode.Forbidden, $"5th plan's secretariat on {method} {path}: {other.StatusCode}");
        }

        foreach (var (method, path, body) in Endpoints(Fifth))
        {
            using var other = await SendAsync(method, path, Secretariat4, body);
            Assert.True(other.StatusCode == HttpStatusCode.Forbidden, $"4th plan's secretariat on {method} {path}: {other.StatusCode}");
        }

        // Nothing was confirmed by any refused call, and no address set.
        using var overview = await SendAsync(HttpMethod.Get, $"/api/plans/{Plan}/overview", Secretariat4);
        var years = JsonDocument.Parse(await overview.Content.ReadAsStringAsync()).RootElement.GetProperty("fiscalYears");
        Assert.All(years.EnumerateArray(), y => Assert.False(y.GetProperty("confirmed").GetBoolean()));
        using var contacts = await SendAsync(HttpMethod.Get, $"/api/plans/{Plan}/contacts", Secretariat4);
        var document = JsonDocument.Parse(await contacts.Content.ReadAsStringAsync()).RootElement;
        Assert.Empty(document.GetProperty("secretariat").EnumerateArray());
    }

    [Fact]
    public async Task The_secretariat_sets_the_addresses_reminders_go_to_and_a_bad_one_changes_nothing()
    {
        var path = $"/api/plans/{Plan}/contacts";
        using var set = await SendAsync(HttpMethod.Put, path, Secretariat4, JsonSerializer.Serialize(new
        {
            secretariat = "jimukyoku@example.jp",
            departments = new Dictionary<string, string> { [DepartmentA] = "a1@example.jp, a2@example.jp" },
        }));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        // Every department of the plan in its order, each with its addresses; the one left out has none.
        var document = JsonDocument.Parse(await set.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["jimukyoku@example.jp"],
            document.GetProperty("secretariat").EnumerateArray().Select(a => a.GetString()));
        var departments = document.GetProperty("departments").EnumerateArray().ToDictionary(
            d => d.GetProperty("departmentId").GetString()!,
            d => d.GetProperty("addresses").EnumerateArray().Select(a => a.GetString()!).ToList());
        Assert.Equal(["kenko-fukushi-seisaku", "shakyo", "chiiki-houkatsu", "seikatsu-jiritsu", "jutaku-seisaku"],
            departments.Keys);
        Assert.Equal(["a1@example.jp", "a2@example.jp"], departments[DepartmentA]);
        Assert.Empty(departments[DepartmentB]);

        // One address that is none, or a department the plan lacks: 400, and nothing changes, not even the good ones.
        foreach (var bad in new[]
        {
            JsonSerializer.Serialize(new
            {
                secretariat = "new@example.jp",
                departments = new Dictionary<string, string> { [DepartmentB] = "山田 <yamada@example.jp>" },
            }),
            """{"secretariat":"new@example.jp","departments":{"no-such-department":"x@example.jp"}}""",
            "{}",
        })
        {
            using var refused = await SendAsync(HttpMethod.Put, path, Secretariat4, bad);
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{bad}: {refused.StatusCode}");
        }

        using var after = await SendAsync(HttpMethod.Get, path, Secretariat4);
        Assert.Equal(await set.Content.ReadAsStringAsync(), await after.Content.ReadAsStringAsync());

        // The reminders go there: the dry run of 7 July 2025 (a week after FY2024's due date) writes to shakyo's two
        // addresses with the secretariat in copy.
        var reminders = await _server.Services.GetRequiredService<ReminderService>().RunAsync(
            new ReminderRequest(Plan, new DateOnly(2025, 7, 7), DryRun: true), CancellationToken.None);
        var shakyo = reminders.Single(r => r.Decision.DepartmentId == DepartmentA);
        Assert.Equal(["a1@example.jp", "a2@example.jp"], shakyo.To);
        Assert.Equal(["jimukyoku@example.jp"], shakyo.Cc);
        Assert.Empty(reminders.Single(r => r.Decision.DepartmentId == DepartmentB).To);
    }

    [Fact]
    public async Task The_plans_secretariat_sees_every_department_of_its_plan_and_no_other_plans()
    {
        using var overview = await SendAsync(HttpMethod.Get, $"/api/plans/{Plan}/overview", Secretariat4);
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        var document = JsonDocument.Parse(await overview.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["kenko-fukushi-seisaku", "shakyo", "chiiki-houkatsu", "seikatsu-jiritsu", "jutaku-seisaku"],
            document.GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("departmentId").GetString()));
        Assert.False(document.GetProperty("review").GetBoolean());

        foreach (var department in new[] { DepartmentA, DepartmentB })
        {
            Assert.Equal(HttpStatusCode.OK,
                (await SendAsync(HttpMethod.Get, $"/api/plans/{Plan}/departments/{department}/obligations", Secretariat4)).StatusCode);
            Assert.Equal(HttpStatusCode.OK,
                (await SendAsync(HttpMethod.Get, $"/api/plans/{Plan}/departments/{department}/uploads", Secretariat4)).StatusCode);
            // It reviews; it does not upload for a department.
            Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post,
                $"/api/plans/{Plan}/departments/{department}/uploads?name=x.csv", Secretariat4, "a,b")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden,
            (await SendAsync(HttpMethod.Get, $"/api/plans/{Fifth}/departments/shakyo/obligations", Secretariat4)).StatusCode);
        using var me = await SendAsync(HttpMethod.Get, "/api/me", Secretariat4);
        var secretariats = JsonDocument.Parse(await me.Content.ReadAsStringAsync()).RootElement.GetProperty("secretariats");
        Assert.Equal([Plan], secretariats.EnumerateArray().Select(s => s.GetProperty("planId").GetString()));
    }

    [Fact]
    public async Task Decisions_confirmations_and_entries_are_checked_before_anything_is_stored()
    {
        var review = $"/api/plans/{Plan}/review/no-such-upload";
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, review, Secretariat4, """{"decision":"maybe"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, review, Secretariat4, """{"decision":"return"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Post, review, Secretariat4, """{"decision":"approve"}""")).StatusCode);

        var years = $"/api/plans/{Plan}/fiscal-years";
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, $"{years}/2023/reopen", Secretariat4, "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(HttpMethod.Post, $"{years}/2023/reopen", Secretariat4, """{"reason":"r"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Post, $"{years}/2019/confirm", Secretariat4, "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, $"{years}/2023/confirm", Secretariat4, "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(HttpMethod.Post, $"{years}/2023/confirm", Secretariat4, "{}")).StatusCode);

        // Commentary: the department for its own indicator, or the secretariat; never another department's indicator.
        const string words = """{"assessment":{"ja":"<script>x</script>改選で充足","en":null}}""";
        var own = $"/api/plans/{Plan}/departments/{DepartmentB}/commentary/I-1-K1/2023";
        using var entered = await SendAsync(HttpMethod.Put, own, DepartmentStaff, words);
        Assert.Equal(HttpStatusCode.OK, entered.StatusCode);
        // FY2023 is confirmed now: a department's entry waits for the secretariat.
        Assert.Equal("pending_review", JsonDocument.Parse(await entered.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        using var bySecretariat = await SendAsync(HttpMethod.Put, own, Secretariat4, words);
        Assert.Equal("accepted", JsonDocument.Parse(await bySecretariat.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Put,
            $"/api/plans/{Plan}/departments/{DepartmentB}/commentary/I-1-K2/2023", DepartmentStaff, words)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Put, own, DepartmentStaff, """{"assessment":{"ja":" "}}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Put, own, Secretariat5, words)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Put, own, null, words)).StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? principal, string? body = null)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(method, new Uri(_server.Address, path));
        // As the portal's page sends it (the portal runs a state-changing request only from its own origin).
        request.Headers.Add("Origin", _server.Address.GetLeftPart(UriPartial.Authority));
        if (principal is not null)
        {
            request.Headers.Add(PlatformPrincipal.Header, principal);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;
using Pipeline.Cli.Serve;
using Pipeline.Testing;

namespace Pipeline.Portal.Tests;

/// <summary>
/// The portal's own Entra ID sign-in (authorization code with PKCE), driven over HTTP against <c>pipeline serve</c>'s
/// server with a loopback provider (<see cref="FakeEntra"/>) standing in for login.microsoftonline.com. The test plays
/// the browser: it carries cookies by hand so that it can read every attribute the server sets. The portal is
/// configured with a public origin (<c>Portal:PublicOrigin</c>) other than the server's loopback address, as behind
/// Front Door or a custom domain. One test runs the sign-out in Chromium (Playwright) to show the page's script is
/// accepted (its <c>Origin</c>) and follows the redirect.
/// </summary>
public sealed class EntraSignInTests : IAsyncLifetime, IDisposable
{
    private const string PublicOrigin = "https://portal.example.test";
    private const string SignedOutPage = "/api/portal/signed-out.html";

    private readonly string _storagePrefix = Azurite.NewPrefix();
    private FakeEntra _entra = null!;
    private LocalServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _entra = await FakeEntra.StartAsync();
        (_server, _http) = await StartPortalAsync(PublicOrigin);
    }

    public void Dispose() => _http?.Dispose();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _entra.DisposeAsync();
    }

    /// <summary>A portal on the test's storage prefix (so every portal of one test shares the key ring) signing in at <see cref="_entra"/>.</summary>
    private async Task<(LocalServer Server, HttpClient Http)> StartPortalAsync(string? publicOrigin)
    {
        var settings = PortalServer.GroupMapping(trustPlatformHeader: false);
        settings["Pipeline:StoragePrefix"] = _storagePrefix;
        settings["Portal:TenantId"] = FakeEntra.Tenant;
        settings["Portal:ClientId"] = FakeEntra.ClientId;
        settings["Portal:ClientSecret"] = FakeEntra.ClientSecret;
        settings["Portal:Instance"] = _entra.Instance.ToString();
        settings["Portal:PublicOrigin"] = publicOrigin;
        var server = await PortalServer.StartAsync("Production", settings);
        return (server, new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.Address });
    }

    /// <summary>Replaces the provider and the portal of this test (for a provider set up otherwise, or no public origin).</summary>
    private async Task RestartAsync(bool publishesEndSession, string? publicOrigin)
    {
        await DisposeAsync();
        _http.Dispose();
        _entra = await FakeEntra.StartAsync(publishesEndSession);
        (_server, _http) = await StartPortalAsync(publicOrigin);
    }

    [Fact]
    public async Task A_valid_sign_in_sets_a_protected_session_cookie_and_me_lists_the_mapped_departments()
    {
        var start = await StartAsync();
        Assert.Equal($"{_entra.Instance}{FakeEntra.Tenant}/oauth2/v2.0/authorize", start.Authorize);
        Assert.Equal(FakeEntra.ClientId, start.Query["client_id"]);
        Assert.Equal("code", start.Query["response_type"]);
        Assert.Equal("S256", start.Query["code_challenge_method"]);
        Assert.Equal(43, start.Query["code_challenge"].ToString().Length);
        Assert.True(start.Query["state"].ToString().Length >= 43 && start.Query["nonce"].ToString().Length >= 43);
        Assert.NotEqual(start.Query["state"].ToString(), start.Query["nonce"].ToString());
        Assert.Equal($"{PublicOrigin}/api/sign-in/entra/callback", start.Query["redirect_uri"]);
        AssertProtectedCookie(start.PendingCookie, "/api/sign-in/entra");

        var callback = await CallbackAsync(start, Issue(start), start.Query["state"]!);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/api/portal/", callback.Headers.Location!.OriginalString);
        var session = SetCookie(callback, "pipeline-session");
        AssertProtectedCookie(session, "/");

        using var me = await GetAsync("api/me", session);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        using var document = JsonDocument.Parse(await me.Content.ReadAsStringAsync());
        Assert.Equal(FakeEntra.ObjectId, document.RootElement.GetProperty("id").GetString());
        Assert.Equal("試験 花子", document.RootElement.GetProperty("name").GetString());
        Assert.Equal("entra_session", document.RootElement.GetProperty("source").GetString());
        var departments = document.RootElement.GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("departmentId").GetString()).Order().ToArray();
        Assert.Equal(new[] { PortalServer.DepartmentA, PortalServer.DepartmentB }.Order().ToArray(), departments);

        using var page = await GetAsync("api/portal/", session);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_portal_session_and_sends_the_browser_to_the_tenants_end_session_endpoint()
    {
        var browser = await SignInAsync();
        using (var me = await SendAsync(HttpMethod.Get, "api/me", browser))
        {
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }

        using var signOut = await SendAsync(HttpMethod.Post, "api/sign-out", browser, PublicOrigin);
        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        Assert.Contains("expires=Thu, 01 Jan 1970", SetCookie(signOut, "pipeline-session"), StringComparison.OrdinalIgnoreCase);
        Assert.False(browser.Holds("pipeline-session"));
        var redirect = new Uri(await RedirectAsync(signOut));
        Assert.Equal(_entra.EndSessionEndpoint, redirect.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(redirect.Query);
        Assert.Equal(["client_id", "logout_hint", "post_logout_redirect_uri"], query.Keys.Order(StringComparer.Ordinal).ToArray());

        // The browser follows the redirect: the tenant ends its session and sends it back to the portal's page.
        using var provider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        using var ended = await provider.GetAsync(redirect);
        var visit = Assert.Single(_entra.EndSessions);
        Assert.Equal(FakeEntra.ClientId, visit["client_id"]);
        Assert.Equal(FakeEntra.LoginHint, visit["logout_hint"]);
        Assert.Equal(PublicOrigin + SignedOutPage, visit["post_logout_redirect_uri"]);
        Assert.Equal(PublicOrigin + SignedOutPage, ended.Headers.Location!.ToString());

        using var landing = await SendAsync(HttpMethod.Get, SignedOutPage, browser);
        Assert.Equal(HttpStatusCode.OK, landing.StatusCode);
        Assert.Contains("サインアウトしました", await landing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var after = await SendAsync(HttpMethod.Get, "api/me", browser);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task In_the_browser_the_sign_out_button_ends_both_sessions_and_lands_on_the_signed_out_page()
    {
        // Chromium must reach the callback and the signed-out page, so the portal is on its own origin here.
        await RestartAsync(publishesEndSession: true, publicOrigin: null);
        _entra.BrowserGroups = [PortalServer.GroupA];
        await using var chromium = await HeadlessBrowser.LaunchAsync();
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(_server.Portal.ToString());
        await Assertions.Expect(page.Locator("#who")).ToContainTextAsync("試験 花子（サインイン中 / signed in）");
        Assert.Contains(await page.Context.CookiesAsync(), c => c.Name == "pipeline-session");

        // The portal's answer is asserted first, so that a failure says which step did not happen: the sign-out
        // (its status, and its body where it sent the page nowhere), or the way through the end-session endpoint.
        // The address is polled (not a navigation event waited for: the redirects can commit before such a wait
        // begins, which left this test waiting 30 s on a page already at the signed-out address).
        var signOut = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#sign-out"),
            r => r.Url.EndsWith("/api/sign-out", StringComparison.Ordinal));
        if (signOut.Status != 200)
        {
            Assert.Fail($"POST api/sign-out answered {signOut.Status}: {await signOut.TextAsync()}");
        }

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(_server.Address, SignedOutPage).ToString());
        await Assertions.Expect(page.Locator("h2")).ToContainTextAsync("サインアウトしました");
        await page.ScreenshotAsync(new() { Path = HeadlessBrowser.ScreenshotPath("portal-signed-out.png"), FullPage = true });
        var visit = Assert.Single(_entra.EndSessions);
        Assert.Equal(FakeEntra.ClientId, visit["client_id"]);
        Assert.Equal(new Uri(_server.Address, SignedOutPage).ToString(), visit["post_logout_redirect_uri"]);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "pipeline-session");
        var me = await page.Context.APIRequest.GetAsync(new Uri(_server.Address, "api/me").ToString());
        Assert.Equal(401, me.Status);
    }

    [Fact]
    public async Task Without_an_end_session_endpoint_signing_out_ends_the_portal_session_only()
    {
        await RestartAsync(publishesEndSession: false, publicOrigin: null);
        var start = await StartAsync();
        Assert.Equal(new Uri(_server.Address, "api/sign-in/entra/callback").ToString(), start.Query["redirect_uri"]);
        var browser = await SignInAsync();
        var ownOrigin = _server.Address.GetLeftPart(UriPartial.Authority);

        using var signOut = await SendAsync(HttpMethod.Post, "api/sign-out", browser, ownOrigin);
        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        Assert.Equal(SignedOutPage, await RedirectAsync(signOut));
        Assert.False(browser.Holds("pipeline-session"));
        Assert.Empty(_entra.EndSessions);
        using var after = await SendAsync(HttpMethod.Get, "api/me", browser);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("https://evil.example")]
    [InlineData("null")]
    [InlineData("http://portal.example.test")]
    public async Task A_sign_out_not_sent_from_the_portals_own_origin_is_refused_and_changes_nothing(string? origin)
    {
        var browser = await SignInAsync();
        using var signOut = await SendAsync(HttpMethod.Post, "api/sign-out", browser, origin);
        Assert.Equal(HttpStatusCode.Forbidden, signOut.StatusCode);
        Assert.Contains("urn:pipeline:problem:cross-origin-refused", await signOut.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(signOut.Headers.Contains("Set-Cookie"));
        Assert.Empty(_entra.EndSessions);
        using var me = await SendAsync(HttpMethod.Get, "api/me", browser);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task When_the_tenant_cannot_be_reached_the_portal_session_still_ends_and_the_person_is_told()
    {
        var browser = await SignInAsync();
        // Another instance of the app (same key ring) that has not read the tenant's metadata yet, while the tenant is down.
        _entra.MetadataDown = true;
        var (other, http) = await StartPortalAsync(PublicOrigin);
        await using (other)
        using (http)
        {
            using var request = browser.Attach(new HttpRequestMessage(HttpMethod.Post, "api/sign-out"), other.Address);
            request.Headers.Add("Origin", PublicOrigin);
            using var signOut = await http.SendAsync(request);
            browser.Apply(signOut);
            Assert.Equal(HttpStatusCode.BadGateway, signOut.StatusCode);
            var body = await signOut.Content.ReadAsStringAsync();
            Assert.Contains("urn:pipeline:problem:sign-out-incomplete", body, StringComparison.Ordinal);
            Assert.Contains("Entra ID", body, StringComparison.Ordinal);
        }

        Assert.False(browser.Holds("pipeline-session"));
        Assert.Empty(_entra.EndSessions);
        using var me = await SendAsync(HttpMethod.Get, "api/me", browser);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task A_wrong_state_is_refused_before_the_code_is_redeemed()
    {
        var start = await StartAsync();
        var code = _entra.Authorize(Issue(start));
        using var callback = await SendAsync(new HttpRequestMessage(HttpMethod.Get, $"api/sign-in/entra/callback?code={code}&state=forged"), start.PendingCookie);
        await AssertRefusedAsync(callback);
        using var me = await GetAsync("api/me", null);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task A_callback_without_the_pending_cookie_is_refused()
    {
        var start = await StartAsync();
        var code = _entra.Authorize(Issue(start));
        using var callback = await SendAsync(new HttpRequestMessage(HttpMethod.Get, $"api/sign-in/entra/callback?code={code}&state={start.Query["state"]}"), null);
        await AssertRefusedAsync(callback);
    }

    [Fact]
    public async Task A_wrong_nonce_is_refused()
    {
        var start = await StartAsync();
        await AssertRefusedAsync(await CallbackAsync(start, Issue(start) with { Nonce = "another-sign-in" }, start.Query["state"]!));
    }

    [Fact]
    public async Task A_wrong_audience_is_refused()
    {
        var start = await StartAsync();
        await AssertRefusedAsync(await CallbackAsync(start, Issue(start) with { Audience = "another-app" }, start.Query["state"]!));
    }

    [Fact]
    public async Task An_expired_id_token_is_refused()
    {
        var start = await StartAsync();
        await AssertRefusedAsync(await CallbackAsync(start, Issue(start) with { ExpiresIn = TimeSpan.FromMinutes(-10) }, start.Query["state"]!));
    }

    [Fact]
    public async Task A_code_redeemed_with_another_verifier_is_refused_by_the_token_endpoint()
    {
        var start = await StartAsync();
        await AssertRefusedAsync(await CallbackAsync(start, Issue(start) with { Challenge = "not-the-challenge" }, start.Query["state"]!));
        Assert.Single(_entra.Refusals);
    }

    [Fact]
    public async Task The_page_redirects_to_sign_in_and_the_options_offer_it()
    {
        using var page = await GetAsync("api/portal/", null);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/api/sign-in/entra", page.Headers.Location!.OriginalString);
        using var options = await GetAsync("api/sign-in", null);
        using var document = JsonDocument.Parse(await options.Content.ReadAsStringAsync());
        Assert.Equal("/api/sign-in/entra", document.RootElement.GetProperty("entraSignInUrl").GetString());
        Assert.False(document.RootElement.GetProperty("development").GetBoolean());
    }

    [Fact]
    public async Task A_bearer_token_is_validated_with_the_same_metadata()
    {
        var token = _entra.Sign(new FakeIssue("", "", $"api://{FakeEntra.ClientId}", TimeSpan.FromMinutes(30), [PortalServer.GroupA]), null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var me = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        using var document = JsonDocument.Parse(await me.Content.ReadAsStringAsync());
        Assert.Equal("entra_token", document.RootElement.GetProperty("source").GetString());
    }

    /// <summary>A browser signed in through the whole flow, holding the session cookie.</summary>
    private async Task<BrowserCookies> SignInAsync()
    {
        var browser = new BrowserCookies();
        var start = await StartAsync();
        using var callback = await CallbackAsync(start, Issue(start), start.Query["state"]!);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        browser.Apply(callback);
        Assert.True(browser.Holds("pipeline-session"));
        return browser;
    }

    /// <summary>A request as the browser sends it: its cookies and, for a script's POST, the page's <c>Origin</c>.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, BrowserCookies browser, string? origin = null)
    {
        using var request = browser.Attach(new HttpRequestMessage(method, path.TrimStart('/')), _server.Address);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        var response = await _http.SendAsync(request);
        browser.Apply(response);
        return response;
    }

    private static async Task<string> RedirectAsync(HttpResponseMessage signOut)
    {
        Assert.StartsWith("application/json", signOut.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        using var document = JsonDocument.Parse(await signOut.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("redirect").GetString()!;
    }

    private static FakeIssue Issue(SignInStart start) =>
        new(start.Query["nonce"]!, start.Query["code_challenge"]!, FakeEntra.ClientId, TimeSpan.FromMinutes(60), [PortalServer.GroupA, PortalServer.GroupB, "unmapped-group"]);

    private async Task<SignInStart> StartAsync()
    {
        using var response = await _http.GetAsync("api/sign-in/entra");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        return new SignInStart(location.GetLeftPart(UriPartial.Path), QueryHelpers.ParseQuery(location.Query), SetCookie(response, "pipeline-entra-signin"));
    }

    private async Task<HttpResponseMessage> CallbackAsync(SignInStart start, FakeIssue issue, string state)
    {
        var code = _entra.Authorize(issue);
        return await SendAsync(new HttpRequestMessage(HttpMethod.Get, $"api/sign-in/entra/callback?code={code}&state={Uri.EscapeDataString(state)}"), start.PendingCookie);
    }

    private Task<HttpResponseMessage> GetAsync(string path, string? cookie) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cookie);

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string? setCookie)
    {
        using (request)
        {
            if (setCookie is not null)
            {
                request.Headers.Add("Cookie", setCookie.Split(';')[0]);
            }

            return await _http.SendAsync(request);
        }
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("sign-in-refused", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("pipeline-session=", StringComparison.Ordinal));
        }
    }

    private static void AssertProtectedCookie(string setCookie, string path)
    {
        var attributes = setCookie.Split(';').Select(a => a.Trim().ToLowerInvariant()).ToArray();
        Assert.Contains("httponly", attributes);
        Assert.Contains("secure", attributes);
        Assert.Contains("samesite=lax", attributes);
        Assert.Contains($"path={path}", attributes);
        Assert.True(setCookie.Split(';')[0].Length > 60, "the value is data-protected, not plain");
    }

    private static string SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal));
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Pipeline.Cli.Serve;

namespace Pipeline.Portal.Tests;

/// <summary>
/// The portal's own Entra ID sign-in (authorization code with PKCE), driven over HTTP against <c>pipeline serve</c>'s
/// server with a loopback provider (<see cref="FakeEntra"/>) standing in for login.microsoftonline.com. The test plays
/// the browser: it carries cookies by hand so that it can read every attribute the server sets.
/// </summary>
public sealed class EntraSignInTests : IAsyncLifetime, IDisposable
{
    private FakeEntra _entra = null!;
    private LocalServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _entra = await FakeEntra.StartAsync();
        var settings = PortalServer.GroupMapping(trustPlatformHeader: false);
        settings["Portal:TenantId"] = FakeEntra.Tenant;
        settings["Portal:ClientId"] = FakeEntra.ClientId;
        settings["Portal:ClientSecret"] = FakeEntra.ClientSecret;
        settings["Portal:Instance"] = _entra.Instance.ToString();
        _server = await PortalServer.StartAsync("Production", settings);
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _server.Address };
    }

    public void Dispose() => _http?.Dispose();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _entra.DisposeAsync();
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
        Assert.Equal(new Uri(_server.Address, "api/sign-in/entra/callback").ToString(), start.Query["redirect_uri"]);
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
        using var signOut = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "api/sign-out"), session);
        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        var cleared = SetCookie(signOut, "pipeline-session");
        Assert.Contains("expires=Thu, 01 Jan 1970", cleared, StringComparison.OrdinalIgnoreCase);
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

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Cli.Serve;
using Pipeline.Portal.Access;
using Pipeline.Portal.Api;
using Pipeline.Testing;
using static Pipeline.Portal.Tests.PortalServer;

namespace Pipeline.Portal.Tests;

/// <summary>
/// The portal's edges (issue 23 items 8–10) over HTTP against <c>pipeline serve</c>'s server: no answer carries a
/// stack trace or an exception's text (Development, where ASP.NET Core would show its exception page, included); a
/// chunked body is limited like a declared one; every state-changing route of <see cref="PortalRoutes"/> runs only
/// from the portal's own origin; every answer carries nosniff and the referrer policy, a department's data no-store,
/// and the dashboard served here its Content-Security-Policy.
/// </summary>
public sealed class PortalEdgeTests : IAsyncLifetime
{
    private const long Limit = 1_000_000;
    private const string GroupSecretariat = "6a1f0b1e-0000-4000-8000-0000000000a4";
    private static readonly string Staff = PlatformHeader("00000000-0000-0000-0000-0000000000a1", "担当 A", GroupA);
    private static readonly string StaffAndSecretariat =
        PlatformHeader("00000000-0000-0000-0000-0000000000a4", "事務局兼務", GroupA, GroupSecretariat);

    private LocalServer _development = null!;
    private LocalServer _production = null!;
    private LocalServer _wrongKey = null!;

    public async Task InitializeAsync()
    {
        var limit = Limit.ToString(CultureInfo.InvariantCulture);
        _development = await StartAsync("Development", new Dictionary<string, string?>
        {
            ["Pipeline:ReadLimits:MaxFileBytes"] = limit,
        });
        var production = GroupMapping(trustPlatformHeader: true);
        production["Pipeline:ReadLimits:MaxFileBytes"] = limit;
        production["Portal:Groups:3:GroupId"] = GroupSecretariat;
        production["Portal:Groups:3:PlanId"] = Plan;
        production["Portal:Groups:3:Role"] = "secretariat";
        _production = await StartAsync("Production", production);
        // Storage that refuses every call (another account key): our failure, not the person's.
        var key = Convert.ToBase64String(Encoding.ASCII.GetBytes(new string('k', 64)));
        _wrongKey = await StartAsync("Development", new Dictionary<string, string?>
        {
            [Hosting.PipelineHostExtensions.StorageSetting] = string.Join(';', Azurite.Instance.ConnectionString
                .Split(';').Select(p => p.StartsWith("AccountKey=", StringComparison.Ordinal) ? "AccountKey=" + key : p)),
        });
    }

    public async Task DisposeAsync()
    {
        await _development.DisposeAsync();
        await _production.DisposeAsync();
        await _wrongKey.DisposeAsync();
    }

    [Fact]
    public async Task No_answer_carries_a_stack_trace_or_an_exceptions_text_even_in_development()
    {
        // Not JSON: was 500 with InvalidOperationException's stack trace.
        using var signIn = await SendAsync(_development, HttpMethod.Post, "/api/sign-in/development", Own(_development),
            content: new StringContent("planId=kumamoto-welfare-4", Encoding.UTF8, "text/plain"));
        await AssertProblemAsync(signIn, HttpStatusCode.BadRequest, "bad-request");

        // Chunked, far over the limit while the server reads it: was 413 with BadHttpRequestException's stack trace.
        using var chunked = await SendAsync(_development, HttpMethod.Post, Department("validate?name=big.csv"),
            Own(_development), signedIn: true, content: Chunked(new byte[Limit * 4]));
        await AssertProblemAsync(chunked, HttpStatusCode.RequestEntityTooLarge, "too-large");

        // Storage refusing the call: 500, a problem naming the request and its record, and not the file.
        using var failed = await SendAsync(_wrongKey, HttpMethod.Get, "/api/plans", origin: null, signedIn: true);
        var problem = await AssertProblemAsync(failed, HttpStatusCode.InternalServerError, "internal-error");
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("GET /api/plans", detail, StringComparison.Ordinal);
        Assert.Contains("ファイルや入力の誤りではありません", detail, StringComparison.Ordinal);
        Assert.Contains("not a fault in your file", detail, StringComparison.Ordinal);
        Assert.Matches(@"record [^ ,)]+\)", detail);
    }

    [Fact]
    public async Task A_chunked_body_is_limited_by_the_same_bytes_as_a_declared_one()
    {
        foreach (var size in new[] { Limit - 1, Limit, Limit + 1 })
        {
            var bytes = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("a,1\n", (int)(size / 4) + 1)))[..(int)size];
            using var declared = await SendAsync(_production, HttpMethod.Post, Department("validate?name=same.csv"),
                Own(_production), Staff, content: new ByteArrayContent(bytes));
            using var streamed = await SendAsync(_production, HttpMethod.Post, Department("validate?name=same.csv"),
                Own(_production), Staff, content: Chunked(bytes));
            Assert.True(declared.StatusCode == streamed.StatusCode,
                $"{size} bytes: declared {(int)declared.StatusCode}, chunked {(int)streamed.StatusCode}");
            Assert.Equal(size > Limit, streamed.StatusCode == HttpStatusCode.RequestEntityTooLarge);
        }
    }

    [Fact]
    public async Task Every_state_changing_route_runs_only_from_the_portals_own_origin()
    {
        var (name, content) = Sample(DepartmentA);
        var refusedOrigins = new string?[] { null, "null", "https://evil.example.test", "http://127.0.0.1:9", Own(_production) + "/" };
        var changing = PortalRoutes.All.Where(r => r.Method != "GET").ToArray();
        Assert.Contains(changing, r => r.Template == PortalRoutes.Uploads);
        Assert.Contains(changing, r => r.Method == "PUT");
        foreach (var route in changing)
        {
            var path = "/api/" + route.Template.Replace("{planId}", Plan).Replace("{departmentId}", DepartmentA)
                .Replace("{fiscalYear:int}", "2023").Replace("{indicatorId}", "I-1-K1")
                .Replace("{uploadId}", "20260101T000000000Z-000000000000")
                + "?name=" + Uri.EscapeDataString(name);
            foreach (var origin in refusedOrigins)
            {
                using var response = await SendAsync(_production, new HttpMethod(route.Method), path, origin,
                    StaffAndSecretariat, content: new ByteArrayContent(content));
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden,
                    $"{route.Function} from {origin ?? "no origin"}: {(int)response.StatusCode}");
                await AssertProblemAsync(response, HttpStatusCode.Forbidden, "cross-origin-refused");
            }
        }

        // Nothing was stored or changed: no upload in the history, and the year confirms now, from the portal.
        using var history = await SendAsync(_production, HttpMethod.Get, Department("uploads"), null, Staff);
        Assert.Equal(0, JsonDocument.Parse(await history.Content.ReadAsStringAsync()).RootElement
            .GetProperty("uploads").GetArrayLength());
        using var confirm = await SendAsync(_production, HttpMethod.Post, $"/api/plans/{Plan}/fiscal-years/2023/confirm",
            Own(_production), StaffAndSecretariat, content: new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);

        // The development sign-out, like the sign-in, is not there outside Development (was 204).
        using var signOut = await SendAsync(_production, HttpMethod.Post, "/api/sign-out/development", Own(_production));
        await AssertProblemAsync(signOut, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Every_answer_is_not_sniffed_leaks_no_referrer_and_a_departments_data_is_not_stored()
    {
        await _production.Services.GetRequiredService<Application.Publication.NightlyAggregationService>()
            .RunAsync(CancellationToken.None);
        var personal = new[]
        {
            "/api/me", Department("obligations"), Department("template"), Department("uploads"),
            Department("uploads/x.csv/report"), $"/api/plans/{Plan}/overview",
        };
        foreach (var path in personal)
        {
            foreach (var who in new[] { null, Staff })
            {
                using var response = await SendAsync(_production, HttpMethod.Get, path, null, who);
                AssertCommonHeaders(response, path);
                Assert.True(response.Headers.CacheControl?.NoStore == true, $"{path}: {response.Headers.CacheControl}");
            }
        }

        // Open data (the published index and feed, cached publicly) and the pages.
        foreach (var path in new[] { "/api/sign-in", "/api/portal/", $"/api/plans/{Plan}/progress", "/api/plans" })
        {
            using var response = await SendAsync(_production, HttpMethod.Get, path, null, Staff);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertCommonHeaders(response, path);
        }

        using var dashboard = await SendAsync(_production, HttpMethod.Get, $"/feeds/v1/{Plan}/index.html", null);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        AssertCommonHeaders(dashboard, "the dashboard");
        var policy = Assert.Single(dashboard.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
    }

    private static void AssertCommonHeaders(HttpResponseMessage response, string what)
    {
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var sniff), $"{what}: no nosniff");
        Assert.Equal("nosniff", Assert.Single(sniff));
        Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer), $"{what}: no Referrer-Policy");
        Assert.Equal(PortalEdge.ReferrerPolicy, Assert.Single(referrer));
    }

    /// <summary>A problem+json answer of <paramref name="status"/> and type, with nothing of an exception in it.</summary>
    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}, expected {(int)status}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        foreach (var leak in new[] { "Exception", "   at ", "System.", "Microsoft.", ".cs:line" })
        {
            Assert.DoesNotContain(leak, body, StringComparison.Ordinal);
        }

        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("urn:pipeline:problem:" + type, problem.GetProperty("type").GetString());
        Assert.Contains(" / ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        return problem;
    }

    private static string Department(string rest) => $"/api/plans/{Plan}/departments/{DepartmentA}/{rest}";

    private static string Own(LocalServer server) => server.Address.GetLeftPart(UriPartial.Authority);

    private static StreamContent Chunked(byte[] bytes) => new(new UnknownLengthStream(bytes));

    private static async Task<HttpResponseMessage> SendAsync(LocalServer server, HttpMethod method, string path,
        string? origin, string? principal = null, bool signedIn = false, HttpContent? content = null)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(method, new Uri(server.Address, path)) { Content = content };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (principal is not null)
        {
            request.Headers.Add(PlatformPrincipal.Header, principal);
        }

        if (signedIn)
        {
            request.Headers.Add("Cookie", $"{DevelopmentSignIn.Cookie}={Plan}/{DepartmentA}");
        }

        if (content is StreamContent)
        {
            request.Headers.TransferEncodingChunked = true;
        }
        else if (content is ByteArrayContent and not StringContent)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>A body whose length the client cannot announce, so it is sent chunked.</summary>
    private sealed class UnknownLengthStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}

using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Pipeline.Cli.Serve;
using Pipeline.Portal.Access;
using static Pipeline.Portal.Tests.PortalServer;

namespace Pipeline.Portal.Tests;

/// <summary>
/// Who may act (RULES.md §9) over HTTP against the real server (every department endpoint × every person is
/// <see cref="DepartmentAccessMatrixTests"/>): sign-in and the plan list, a plan not served here, a forged platform
/// header when the app does not trust it; hostile file names, an oversized body and wrong content.
/// </summary>
public sealed class PortalSecurityTests : IAsyncLifetime
{
    private const long Limit = 1_000_000;
    private LocalServer _trusted = null!;
    private LocalServer _untrusted = null!;

    public async Task InitializeAsync()
    {
        var trusted = GroupMapping(trustPlatformHeader: true);
        trusted["Pipeline:ReadLimits:MaxFileBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _trusted = await StartAsync("Production", trusted);
        _untrusted = await StartAsync("Production", GroupMapping(trustPlatformHeader: false));
    }

    public async Task DisposeAsync()
    {
        await _trusted.DisposeAsync();
        await _untrusted.DisposeAsync();
    }

    /// <summary>The people every test here asks as, by name (null: not signed in).</summary>
    internal static readonly Dictionary<string, string?> People = new()
    {
        ["anonymous"] = null,
        ["A"] = PlatformHeader("00000000-0000-0000-0000-0000000000a1", "担当 A", GroupA),
        ["B"] = PlatformHeader("00000000-0000-0000-0000-0000000000b1", "担当 B", GroupB),
        ["both"] = PlatformHeader("00000000-0000-0000-0000-0000000000ab", "兼務 A+B", GroupA, GroupB),
        ["other plan"] = PlatformHeader("00000000-0000-0000-0000-0000000000c1", "他計画", GroupOtherPlan),
        ["no groups"] = PlatformHeader("00000000-0000-0000-0000-0000000000d1", "未登録"),
    };

    [Fact]
    public async Task Plans_is_the_plan_set_as_index_json_before_and_after_the_nightly_run_with_its_etag()
    {
        using var before = await SendAsync(_trusted, HttpMethod.Get, "/api/plans", People["A"]);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        var first = Publishing.Document.PlanIndex.ReadJson(await before.Content.ReadAsByteArrayAsync());
        var served = _trusted.Services.GetRequiredService<Domain.Catalogue.PlanSet>().Plans.Select(p => p.Id.Value).Order(StringComparer.Ordinal);
        Assert.Equal(served, first.Plans.Select(p => p.Id));
        var kumamoto = first.Plans.Single(p => p.Id == Plan);
        Assert.Equal(kumamoto.StatusCounts["no_data"], kumamoto.StatusCounts.Values.Sum());
        Assert.True(kumamoto.StatusCounts["no_data"] > 0);

        await _trusted.Services.GetRequiredService<Application.Publication.NightlyAggregationService>().RunAsync(CancellationToken.None);
        using var after = await SendAsync(_trusted, HttpMethod.Get, "/api/plans", People["A"]);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var etag = Assert.Single(after.Headers.GetValues("ETag"));
        var published = await _trusted.Services.GetRequiredService<Application.Ports.IFeedStore>().ReadIndexAsync(CancellationToken.None);
        Assert.Equal($"\"{published!.ContentHash}\"", etag);
        Assert.Equal(published.Json, await after.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Me_and_plans_need_a_sign_in_and_list_exactly_the_mapped_departments()
    {
        foreach (var (person, header) in People)
        {
            using var me = await SendAsync(_trusted, HttpMethod.Get, "/api/me", header);
            using var plans = await SendAsync(_trusted, HttpMethod.Get, "/api/plans", header);
            if (header is null)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
                Assert.Equal(HttpStatusCode.Unauthorized, plans.StatusCode);
                continue;
            }

            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            Assert.Equal(HttpStatusCode.OK, plans.StatusCode);
            var departments = JsonDocument.Parse(await me.Content.ReadAsStringAsync()).RootElement.GetProperty("departments")
                .EnumerateArray().Select(d => $"{d.GetProperty("planId").GetString()}/{d.GetProperty("departmentId").GetString()}").Order(StringComparer.Ordinal).ToArray();
            string[] expected = person switch
            {
                "A" => [$"{Plan}/{DepartmentA}"],
                "B" => [$"{Plan}/{DepartmentB}"],
                "both" => [$"{Plan}/{DepartmentB}", $"{Plan}/{DepartmentA}"],
                _ => [],
            };
            Assert.Equal(expected.Order(StringComparer.Ordinal), departments);
        }
    }

    [Fact]
    public async Task A_department_of_a_plan_not_served_here_gets_403_never_404()
    {
        var other = People["other plan"];
        using var ownGroup = await SendAsync(_trusted, HttpMethod.Get, $"/api/plans/another-plan/departments/{DepartmentA}/obligations", other);
        using var thisPlan = await SendAsync(_trusted, HttpMethod.Get, $"/api/plans/{Plan}/departments/{DepartmentA}/obligations", other);
        using var unknownForA = await SendAsync(_trusted, HttpMethod.Get, $"/api/plans/another-plan/departments/{DepartmentA}/obligations", People["A"]);
        Assert.Equal(HttpStatusCode.Forbidden, ownGroup.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, thisPlan.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unknownForA.StatusCode);
    }

    [Fact]
    public async Task A_forged_platform_header_is_ignored_when_the_app_does_not_trust_it()
    {
        foreach (var path in new[] { "/api/me", "/api/plans", $"/api/plans/{Plan}/departments/{DepartmentA}/obligations" })
        {
            using var forged = await SendAsync(_untrusted, HttpMethod.Get, path, People["both"]);
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        }

        using var garbage = await SendAsync(_trusted, HttpMethod.Get, "/api/me", "not base64 {");
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
    }

    [Fact]
    public async Task The_development_sign_in_does_not_exist_outside_development()
    {
        using var signIn = await SendAsync(_trusted, HttpMethod.Post, "/api/sign-in/development", null,
            System.Text.Encoding.UTF8.GetBytes($$"""{"planId":"{{Plan}}","departmentId":"{{DepartmentA}}"}"""), "application/json");
        Assert.Equal(HttpStatusCode.NotFound, signIn.StatusCode);
        var options = JsonDocument.Parse(await (await SendAsync(_trusted, HttpMethod.Get, "/api/sign-in", null)).Content.ReadAsStringAsync()).RootElement;
        Assert.False(options.GetProperty("development").GetBoolean());
        Assert.Equal(0, options.GetProperty("choices").GetArrayLength());

        using var cookie = new HttpRequestMessage(HttpMethod.Get, new Uri(_trusted.Address, "/api/me"));
        cookie.Headers.Add("Cookie", $"{DevelopmentSignIn.Cookie}={Plan}/{DepartmentA}");
        using var client = new HttpClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(cookie)).StatusCode);
    }

    [Fact]
    public async Task Path_traversal_and_markup_file_names_are_cleaned_before_anything_is_stored()
    {
        var (_, content) = Sample(DepartmentA);
        foreach (var (raw, cleaned) in new[]
        {
            ("../../kenko-fukushi-seisaku/evil.xlsx", "evil.xlsx"),
            ("..\\..\\x\\y.xlsx", "y.xlsx"),
            ("<img src=x onerror=alert(1)>.xlsx", "_img src=x onerror=alert(1)_.xlsx"),
            ("a\u0000b\u001f\u202ec.xlsx", "abc.xlsx"),
            (new string('長', 400) + ".xlsx", new string('長', 194) + ".xlsx"),
        })
        {
            using var response = await SendAsync(_trusted, HttpMethod.Post,
                $"/api/plans/{Plan}/departments/{DepartmentA}/uploads?name={Uri.EscapeDataString(raw)}", People["A"], content);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(cleaned, body.GetProperty("name").GetString());
            var folder = body.GetProperty("blobName").GetString()!.Split('/')[2];
            Assert.Equal($"{Plan}/{DepartmentA}/{folder}/{cleaned}", body.GetProperty("blobName").GetString());
            Assert.Matches(@"^\d{8}T\d{13}Z-[0-9a-f]{6}$", folder); // a folder of its own per upload
            Assert.Equal($"/api/plans/{Plan}/departments/{DepartmentA}/uploads/{body.GetProperty("uploadId").GetString()}/report", body.GetProperty("report").GetString());
            Assert.True(cleaned.Length < 200);
            Assert.Equal(body.GetProperty("report").GetString(), response.Headers.Location?.OriginalString);
        }

        using var nothing = await SendAsync(_trusted, HttpMethod.Post, $"/api/plans/{Plan}/departments/{DepartmentA}/uploads?name=..%2F..", People["A"], content);
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);

        // A name that is only an extension names no file: 400 "name missing", not 415 "unsupported format".
        foreach (var extensionOnly in new[] { ".csv", "..xlsx", " .txt" })
        {
            using var bare = await SendAsync(_trusted, HttpMethod.Post,
                $"/api/plans/{Plan}/departments/{DepartmentA}/uploads?name={Uri.EscapeDataString(extensionOnly)}", People["A"], content);
            Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
            Assert.Contains("?name=", await bare.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_body_over_the_readers_limit_is_refused_with_413_by_length_and_while_streaming()
    {
        var big = new byte[Limit + 1];
        using var declared = await SendAsync(_trusted, HttpMethod.Post, $"/api/plans/{Plan}/departments/{DepartmentA}/uploads?name=big.csv", People["A"], big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_trusted.Address, $"/api/plans/{Plan}/departments/{DepartmentA}/validate?name=big.csv"));
        request.Headers.Add(PlatformPrincipal.Header, People["A"]);
        request.Headers.Add("Origin", _trusted.Address.GetLeftPart(UriPartial.Authority));
        request.Content = new StreamContent(new UnknownLengthStream(big));
        request.Headers.TransferEncodingChunked = true;
        using var client = new HttpClient();
        using var streamed = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);

        using var history = await SendAsync(_trusted, HttpMethod.Get, $"/api/plans/{Plan}/departments/{DepartmentA}/uploads", People["A"]);
        Assert.DoesNotContain("big.csv", await history.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_formats_get_415_and_wrong_content_gets_a_located_report()
    {
        using var exe = await SendAsync(_trusted, HttpMethod.Post, $"/api/plans/{Plan}/departments/{DepartmentA}/uploads?name=tool.exe", People["A"], [0x4d, 0x5a]);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, exe.StatusCode);

        using var fake = await SendAsync(_trusted, HttpMethod.Post, $"/api/plans/{Plan}/departments/{DepartmentA}/validate?name=fake.xlsx", People["A"],
            System.Text.Encoding.UTF8.GetBytes("this is not a workbook"));
        Assert.Equal((HttpStatusCode)422, fake.StatusCode);
        var problem = JsonDocument.Parse(await fake.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("urn:pipeline:problem:rejected", problem.GetProperty("type").GetString());
        var report = problem.GetProperty("report");
        Assert.Equal("rejected", report.GetProperty("status").GetString());
        var first = report.GetProperty("problems")[0];
        Assert.False(string.IsNullOrWhiteSpace(first.GetProperty("message").GetProperty("ja").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(first.GetProperty("message").GetProperty("en").GetString()));
    }

    /// <summary>One request as the portal's page sends it, its body read.</summary>
    internal static async Task<HttpResponseMessage> SendAsync(LocalServer server, HttpMethod method, string path, string? principal, byte[]? body = null, string contentType = "application/octet-stream")
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(method, new Uri(server.Address, path));
        // As the portal's page sends it (the portal runs a state-changing request only from its own origin).
        request.Headers.Add("Origin", server.Address.GetLeftPart(UriPartial.Authority));
        if (principal is not null)
        {
            request.Headers.Add(PlatformPrincipal.Header, principal);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
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

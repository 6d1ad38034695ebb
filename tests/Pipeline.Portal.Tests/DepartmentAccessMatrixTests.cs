using System.Text.Json;
using Pipeline.Cli.Serve;
using Pipeline.Portal.Api;
using static Pipeline.Portal.Tests.PortalServer;

namespace Pipeline.Portal.Tests;

/// <summary>
/// Who may act (RULES.md §9, §14), over HTTP against the real server: every route of a department (the routes are
/// taken from <see cref="PortalRoutes.All"/>, so a new one must join the matrix) × every kind of person, each
/// answer compared with the status written in <see cref="Matrix"/>; every refusal is problem+json.
/// </summary>
public sealed class DepartmentAccessMatrixTests : IAsyncLifetime
{
    private const string Binary = "application/octet-stream";
    private const string GroupSecretariat = "6a1f0b1e-0000-4000-8000-0000000000a4";
    private LocalServer _server = null!;

    public async Task InitializeAsync()
    {
        var settings = GroupMapping(trustPlatformHeader: true);
        settings["Portal:Groups:3:GroupId"] = GroupSecretariat;
        settings["Portal:Groups:3:PlanId"] = Plan;
        settings["Portal:Groups:3:Role"] = "secretariat";
        _server = await StartAsync("Production", settings);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>The people of <see cref="PortalSecurityTests.People"/> and the plan's secretariat (§14).</summary>
    private static readonly Dictionary<string, string?> PeopleAndSecretariat = new(PortalSecurityTests.People)
    {
        ["secretariat"] = PlatformHeader("00000000-0000-0000-0000-0000000000e1", "事務局", GroupSecretariat),
    };

    /// <summary>Every route of one department (<see cref="PortalRoutes"/>), as the matrix's columns.</summary>
    private static readonly string[] DepartmentRoutes =
    [
        "GET " + PortalRoutes.Obligations, "GET " + PortalRoutes.Template, "POST " + PortalRoutes.Validate,
        "POST " + PortalRoutes.Uploads, "GET " + PortalRoutes.Uploads, "GET " + PortalRoutes.UploadReport,
        "PUT " + PortalRoutes.Commentary,
    ];

    /// <summary>
    /// The status each person gets from each department route (columns in <see cref="DepartmentRoutes"/>' order:
    /// obligations, template, validate, upload, history, report, commentary) of department A and of B, written out
    /// from RULES.md §9 and §14. A person who may act gets the endpoint's own answer: the report of a file never
    /// uploaded is 404, and commentary sent without words is 400 (access is decided before the body is read). The
    /// secretariat sees the obligations, the uploads and their reports of every department of its plan and writes their
    /// commentary; it never gets a department's template, nor validates or uploads for it.
    /// </summary>
    private static readonly string[] Matrix =
    [
        "anonymous   A: 401 401 401 401 401 401 401  B: 401 401 401 401 401 401 401",
        "A           A: 200 200 200 202 200 404 400  B: 403 403 403 403 403 403 403",
        "B           A: 403 403 403 403 403 403 403  B: 200 200 200 202 200 404 400",
        "both        A: 200 200 200 202 200 404 400  B: 200 200 200 202 200 404 400",
        "other plan  A: 403 403 403 403 403 403 403  B: 403 403 403 403 403 403 403",
        "no groups   A: 403 403 403 403 403 403 403  B: 403 403 403 403 403 403 403",
        "secretariat A: 200 403 403 403 200 404 400  B: 200 403 403 403 200 404 400",
    ];

    [Fact]
    public void The_matrix_covers_every_department_route_of_the_portal()
    {
        var routes = PortalRoutes.All
            .Where(r => r.Template.Contains("/departments/{departmentId}", StringComparison.Ordinal))
            .Select(r => $"{r.Method} {r.Template}");
        Assert.Equal(routes.Order(StringComparer.Ordinal), DepartmentRoutes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_department_endpoint_answers_each_person_as_the_matrix_says()
    {
        var answered = new List<string>();
        foreach (var (person, header) in PeopleAndSecretariat)
        {
            var line = person.PadRight(11);
            foreach (var (letter, department) in new[] { ("A", DepartmentA), ("B", DepartmentB) })
            {
                var sample = Sample(department);
                var indicator = Domain.Catalogue.BuiltInPlans.Default.Indicators
                    .First(i => i.OwnerDepartmentId.Value == department).Id.Value;
                var path = $"/api/plans/{Plan}/departments/{department}";
                var upload = Uri.EscapeDataString(person + "_" + sample.Name);
                var calls = new (HttpMethod Method, string Url, byte[]? Body, string ContentType)[]
                {
                    (HttpMethod.Get, path + "/obligations", null, Binary),
                    (HttpMethod.Get, path + "/template", null, Binary),
                    (HttpMethod.Post, path + "/validate?name=" + Uri.EscapeDataString(sample.Name), sample.Content,
                        Binary),
                    (HttpMethod.Post, path + "/uploads?name=" + upload, sample.Content, Binary),
                    (HttpMethod.Get, path + "/uploads", null, Binary),
                    (HttpMethod.Get, path + "/uploads/20200401T0000000000000Z-0123456789ab/report", null, Binary),
                    (HttpMethod.Put, path + $"/commentary/{indicator}/2023", "{}"u8.ToArray(), "application/json"),
                };
                line += $"{(letter == "B" ? " " : "")} {letter}:";
                foreach (var call in calls)
                {
                    using var response = await PortalSecurityTests.SendAsync(
                        _server, call.Method, call.Url, header, call.Body, call.ContentType);
                    var status = (int)response.StatusCode;
                    line += $" {status}";
                    if (status >= 400)
                    {
                        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                        Assert.Equal(status, problem.GetProperty("status").GetInt32());
                        Assert.StartsWith("urn:pipeline:problem:", problem.GetProperty("type").GetString(),
                            StringComparison.Ordinal);
                    }
                }
            }

            answered.Add(line);
        }

        Assert.Equal(string.Join("\n", Matrix), string.Join("\n", answered));
    }
}

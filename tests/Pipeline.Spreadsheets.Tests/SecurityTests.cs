using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Testing;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Uploads;
using Pipeline.Spreadsheets;
using Pipeline.Spreadsheets.Reading;
using Pipeline.Domain.Problems;

namespace Pipeline.Spreadsheets.Tests;

public sealed partial class SecurityTests
{
    private static readonly Plan Plan = BuiltInPlans.Default;

    /// <summary>RULES.md §1's owner column, written out here as the specification (not read from the catalogue).</summary>
    private static readonly Dictionary<string, string> ContractOwners = new()
    {
        ["I-1-K1"] = "kenko-fukushi-seisaku", ["I-1-K2"] = "shakyo", ["I-2-K1"] = "shakyo", ["II-1-K1"] = "chiiki-houkatsu",
        ["II-1-K2"] = "kenko-fukushi-seisaku", ["II-2-K1"] = "shakyo", ["III-1-K1"] = "seikatsu-jiritsu", ["III-1-K2"] = "jutaku-seisaku",
        ["III-2-K1"] = "kenko-fukushi-seisaku", ["III-3-K1"] = "shakyo",
    };

    public static TheoryData<string, string> DepartmentsAndIndicators()
    {
        var data = new TheoryData<string, string>();
        foreach (var department in Plan.Departments)
        {
            foreach (var indicator in Plan.Indicators)
            {
                data.Add(department.Id.Value, indicator.Id.Value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DepartmentsAndIndicators))]
    public void A_department_submits_only_the_indicators_it_owns(string department, string indicator)
    {
        var unit = Plan.FindIndicator(indicator)!.Unit.IsPercent ? "50" : "5";
        var csv = Encoding.UTF8.GetBytes($"指標ID,年度,実績値\n{indicator},2021,{unit}\n");
        var submission = new SubmissionReader(Plan, ReadLimits.Default).ReadWhole(new MemoryStream(csv), "x.csv", Plan.FindDepartment(department));
        var owns = ContractOwners[indicator] == department;
        Assert.Equal(owns, submission.IsAcceptable);
        Assert.Equal(owns ? 0 : 1, submission.Problems.Count(p => p.Code == ProblemCode.NotOwner));
    }

    [Fact]
    public void Initiatives_are_evaluated_by_their_responsible_parties_only()
    {
        var checkedPairs = 0;
        foreach (var department in Plan.Departments)
        {
            foreach (var initiative in Plan.Initiatives)
            {
                var csv = Encoding.UTF8.GetBytes($"取組ID,年度,評価\n{initiative.Id},2021,B\n");
                var submission = new SubmissionReader(Plan, ReadLimits.Default).ReadWhole(new MemoryStream(csv), "x.csv", department);
                // 【市】 → any city department; 【市社協】 → the council; 【市・市社協】 → either.
                var allowed = department.Id.Value == "shakyo" ? initiative.Owners.Contains("shakyo") : initiative.Owners.Contains("city");
                Assert.True(allowed == submission.IsAcceptable, $"{department.Id} × {initiative.Id}");
                checkedPairs++;
            }
        }

        Assert.Equal(5 * 43, checkedPairs);
    }

    [Theory]
    [InlineData("shakyo/R5.xlsx", true, "shakyo", "R5.xlsx")]
    [InlineData("shakyo/2024/R6.xlsx", true, "shakyo", "R6.xlsx")]
    [InlineData("R5.xlsx", false, "", "")]
    [InlineData("/R5.xlsx", false, "", "")]
    [InlineData("shakyo/", false, "", "")]
    [InlineData("shakyo/../kenko-fukushi-seisaku/x.csv", false, "", "")]
    [InlineData("shakyo/./x.csv", false, "", "")]
    [InlineData("shakyo//x.csv", false, "", "")]
    [InlineData("shakyo\\..\\x.csv", false, "", "")]
    [InlineData("shakyo/x\u0000.csv", false, "", "")]
    [InlineData("shakyo/x\n.csv", false, "", "")]
    public void Blob_paths_with_traversal_or_control_characters_are_refused(string blobName, bool ok, string department, string name)
    {
        var path = UploadPath.Parse(blobName, BuiltInPlans.Default.Id);
        Assert.Equal(ok, path.IsValid);
        Assert.Equal(ok ? (department, name) : (null, path.FileName), (path.Department.Name, path.FileName));
    }

    [Fact]
    public void No_secret_is_checked_in()
    {
        var root = RepositoryRoot.Find();
        var skipped = new[] { "bin", "obj", "node_modules", "out", ".git", "TestResults", "tools" };
        var findings = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => skipped.Contains(part)) || new FileInfo(file).Length > 2_000_000)
            {
                continue;
            }

            var text = File.ReadAllText(file);
            foreach (Match match in Secret().Matches(text))
            {
                // The Azurite emulator's well-known development key is public documentation, not a secret.
                if (!match.Value.Contains("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq", StringComparison.Ordinal))
                {
                    findings.Add($"{relative}: {match.Value[..Math.Min(40, match.Value.Length)]}");
                }
            }
        }

        Assert.Empty(findings);
        Assert.False(File.Exists(Path.Combine(root, "functions", "Pipeline.Functions", "local.settings.json")) &&
                     !File.ReadAllText(Path.Combine(root, ".gitignore")).Contains("local.settings.json", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"AccountKey=[A-Za-z0-9+/=]{20,}|SharedAccessSignature=sv=[0-9]{4}|[?&]sig=[A-Za-z0-9%+/=]{20,}|-----BEGIN [A-Z ]*PRIVATE KEY-----|InstrumentationKey=[0-9a-f-]{36}|xox[bp]-[0-9A-Za-z-]+|AKIA[0-9A-Z]{16}")]
    private static partial Regex Secret();
}

using System.IO.Compression;
using System.Text.Json;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Problems;
using Pipeline.Spreadsheets;
using Pipeline.Spreadsheets.Reading;
using Pipeline.Domain.Json;

namespace Pipeline.Spreadsheets.Tests;

/// <summary>
/// The layouts of issue 17 as openpyxl and Python's codecs write them, and as LibreOffice converts those to .ods and
/// saves them again as .xlsx (<c>samples/layouts/libreoffice/</c>), all by <c>samples/layouts/generate.py</c>, read
/// value by value against what the generator says a person reads in each file (<c>expected.json</c>).
/// </summary>
public sealed class LayoutSampleTests
{
    private static readonly Plan Plan = BuiltInPlans.Default;
    private static readonly string Folder = Path.Combine(RepositoryRoot.Find(), "samples", "layouts");

    public static TheoryData<string> Files() => new(Expected().EnumerateObject().Select(p => p.Name));

    private static JsonElement Expected() =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, "expected.json"))).RootElement;

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_layout_sample_is_read_as_a_person_reads_it(string name)
    {
        var expected = Expected().GetProperty(name);
        using var stream = File.OpenRead(Path.Combine(Folder, name));
        var submission = new SubmissionReader(Plan, ReadLimits.Default)
            .ReadWhole(stream, name, Plan.FindDepartment(expected.GetProperty("department").GetString()!));
        var problems = string.Join("\n", submission.Problems);
        if (expected.GetProperty("refused").GetString() is { } code)
        {
            Assert.False(submission.IsAcceptable);
            Assert.Equal(code, PipelineJson.Name(submission.Problems.First(p => p.Severity == Severity.Error).Code));
            return;
        }

        Assert.True(submission.IsAcceptable, problems);
        var values = expected.GetProperty("values").EnumerateArray().Select(v => (
            v[0].GetString()!, v[1].GetInt32(),
            v[2].ValueKind == JsonValueKind.Null ? Plan.WholeCity.Code.Value : Plan.Wards.Single(w => w.Name.Ja == v[2].GetString()).Code.Value,
            v[3].ValueKind == JsonValueKind.Null ? (int?)null : v[3].GetInt32(), v[4].GetDecimal())).ToList();
        Assert.True(values.Count > 0);
        Assert.Equal(values, submission.Observations.Select(o => (o.IndicatorId, o.FiscalYear.Value, o.AreaCode, o.Month, o.Value)));
    }

    [Fact]
    public void Every_layout_and_refusal_of_issue_17_has_a_sample()
    {
        var names = Expected().EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(13 + 21, names.Count);
        Assert.Equal(4 + 8, Expected().EnumerateObject().Count(p => p.Value.GetProperty("refused").ValueKind == JsonValueKind.String));
        foreach (var name in names.Where(n => n.EndsWith(".xlsx", StringComparison.Ordinal) && !n.StartsWith("libreoffice/", StringComparison.Ordinal)))
        {
            var stem = name[..^".xlsx".Length];
            Assert.Contains("libreoffice/" + stem + ".ods", names);
            Assert.Contains("libreoffice/" + stem + ".xlsx", names);
        }
    }

    [Fact]
    public void The_libreoffice_samples_were_written_by_libreoffice()
    {
        var converted = Expected().EnumerateObject().Select(p => p.Name).Where(n => n.StartsWith("libreoffice/", StringComparison.Ordinal)).ToList();
        Assert.Equal(21, converted.Count);
        foreach (var name in converted)
        {
            using var zip = ZipFile.OpenRead(Path.Combine(Folder, name));
            var part = zip.GetEntry(name.EndsWith(".ods", StringComparison.Ordinal) ? "meta.xml" : "docProps/app.xml")!;
            using var reader = new StreamReader(part.Open());
            Assert.Contains("LibreOffice/", reader.ReadToEnd(), StringComparison.Ordinal);
        }
    }
}

using Pipeline.Testing;
using Pipeline.Domain.Catalogue;
using Pipeline.Spreadsheets;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Spreadsheets.Tests;

/// <summary>The checked-in samples (written by openpyxl, xlwt and Python's CP932 codec) are all accepted.</summary>
public sealed class SampleSubmissionTests
{
    private static readonly Plan Plan = BuiltInPlans.Default;

    private static IEnumerable<string> SampleFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Find(), "samples", "submissions"), "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file => Path.GetRelativePath(Path.Combine(RepositoryRoot.Find(), "samples", "submissions"), file));

    public static TheoryData<string> Files() => new(SampleFiles());

    private static Submission Read(string relative)
    {
        var full = Path.Combine(RepositoryRoot.Find(), "samples", "submissions", relative);
        using var stream = File.OpenRead(full);
        var department = relative.Split(Path.DirectorySeparatorChar)[0];
        return new SubmissionReader(Plan, ReadLimits.Default).ReadWhole(stream, Path.GetFileName(full), Plan.FindDepartment(department));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_sample_is_accepted(string file)
    {
        var submission = Read(file);
        Assert.True(submission.IsAcceptable, string.Join("\n", submission.Problems));
        Assert.NotEmpty(submission.Observations);
    }

    [Fact]
    public void Samples_cover_every_indicator_for_fy2020_to_fy2023_and_every_initiative()
    {
        var all = SampleFiles().Select(Read).ToList();
        foreach (var indicator in Plan.Indicators)
        {
            Assert.Equal([2020, 2021, 2022, 2023],
                all.SelectMany(s => s.Observations).Where(o => o.IndicatorId == indicator.Id.Value).Select(o => o.FiscalYear.Value).Distinct().Order());
        }

        Assert.Equal(Plan.Initiatives.Select(i => i.Id.Value).Order(), all.SelectMany(s => s.Evaluations).Select(e => e.InitiativeId).Distinct().Order());
        Assert.Contains(all, s => s.Format == "xls");
        Assert.Equal(240, all.Single(s => s.FileName.EndsWith("月別.csv", StringComparison.Ordinal)).Observations.Count);
    }
}

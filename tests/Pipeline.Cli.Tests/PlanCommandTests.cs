using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pipeline.Testing;

namespace Pipeline.Cli.Tests;

/// <summary>RULES.md §6: <c>--plan P</c> on the verbs that concern one plan, and <c>plans</c>.</summary>
public sealed class PlanCommandTests : IDisposable
{
    private const string Tamana = "tamana-health-3";
    private static readonly string SamplePlans = Path.Combine(RepositoryRoot.Find(), "samples", "plans");

    // The plans and templates this test writes; the CLI runs in process and has ended with the test.
    private readonly TempFolder _temp = new("pipeline-cli-");

    public void Dispose() => _temp.Dispose();

    private static Cli WithPlans(string plansPath)
    {
        var cli = new Cli();
        cli.Settings["Pipeline:PlansPath"] = plansPath;
        return cli;
    }

    private string SamplePlansWithABrokenOne()
    {
        var folder = Directory.CreateDirectory(_temp.File("plans")).FullName;
        File.Copy(Path.Combine(SamplePlans, $"{Tamana}.json"), Path.Combine(folder, $"{Tamana}.json"));
        File.WriteAllText(Path.Combine(folder, "broken.json"),
            """{ "id": "broken-5", "name": { "ja": "壊れた計画" }, "startFiscalYear": 2029, "endFiscalYear": 2025 }""");
        return folder;
    }

    [Theory]
    // A plan is closed once its last fiscal year's results are due, 30 June after that year (RULES.md §4, §7):
    // kumamoto-welfare-4 (FY2020–FY2024) from 1 July 2025, tamana-health-3 (FY2024–FY2029) from 1 July 2030.
    [InlineData("2025-06-30", "active", "active")]
    [InlineData("2025-07-01", "closed", "active")]
    [InlineData("2030-06-30", "closed", "active")]
    [InlineData("2030-07-01", "closed", "closed")]
    public async Task Plans_lists_id_period_status_as_of_the_day_source_and_validity(
        string day, string kumamoto, string tamana)
    {
        var (exit, output, error) = await WithPlans(SamplePlans).RunAsync("plans", "--as-of", day);
        Assert.True(exit == 0, output + error);
        var lines = output.Split('\n');
        Assert.Contains(lines, l =>
            l.StartsWith($"kumamoto-welfare-4 (default) | FY2020–FY2024 | {kumamoto} ", StringComparison.Ordinal)
            && l.Contains("built-in:kumamoto-welfare-4.json", StringComparison.Ordinal)
            && l.TrimEnd().EndsWith("| ok", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith(Tamana, StringComparison.Ordinal)
            && l.Contains($"FY2024–FY2029 | {tamana} ", StringComparison.Ordinal)
            && l.Contains("tamana-health-3.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plans_refuses_an_as_of_that_is_not_a_day()
    {
        var (exit, _, error) = await WithPlans(SamplePlans).RunAsync("plans", "--as-of", "2030-13-01");
        Assert.Equal(2, exit);
        Assert.StartsWith("--as-of '2030-13-01' is not a day written yyyy-MM-dd", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plans_exits_1_listing_every_problem_of_an_invalid_file_with_its_json_path()
    {
        var (exit, output, _) = await WithPlans(SamplePlansWithABrokenOne()).RunAsync("plans");
        Assert.Equal(1, exit);
        Assert.Contains(output.Split('\n'), l => l.StartsWith("broken-5", StringComparison.Ordinal) && l.Contains("not served", StringComparison.Ordinal) && l.Contains("invalid:", StringComparison.Ordinal));
        Assert.Contains("  $.endFiscalYear: the plan ends (FY2025) before it starts (FY2029)", output, StringComparison.Ordinal);
        Assert.Contains("  $.departments: at least one department is required", output, StringComparison.Ordinal);
        Assert.Contains("  $.publisher.localGovernmentCode: is required", output, StringComparison.Ordinal);
        Assert.Contains("tamana-health-3", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_plan_or_one_not_served_is_wrong_usage()
    {
        var cli = WithPlans(SamplePlansWithABrokenOne());
        var unknown = await cli.RunAsync("validate", "--plan", "nowhere-1", "--department", "shakyo", Cli.Sample("shakyo/R5_成果指標実績_社協.xlsx"));
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("unknown plan 'nowhere-1' (known: kumamoto-welfare-4, tamana-health-3)", unknown.Error, StringComparison.Ordinal);
        var broken = await cli.RunAsync("template", "--plan", "broken-5", "--department", "x", "--out", _temp.File("x.xlsx"));
        Assert.Equal(2, broken.Exit);
        Assert.Contains("plan 'broken-5' is not served", broken.Error, StringComparison.Ordinal);
        Assert.Contains("usage: pipeline", broken.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_with_a_plan_uploads_under_its_prefix_and_aggregate_prints_each_plans_table()
    {
        var cli = WithPlans(SamplePlans);
        var file = Path.Combine(SamplePlans, Tamana, "koureisha-shien", "低栄養傾向_R6-R7.csv");
        var (exit, output, _) = await cli.RunAsync("ingest", "--plan", Tamana, "--department", "koureisha-shien", file);
        Assert.Equal(0, exit);
        Assert.Matches($@"\[1/1\] {Tamana}/koureisha-shien/\d{{8}}T\d{{13}}Z-[0-9a-f]{{6}}/低栄養傾向_R6-R7\.csv: 受理 accepted — 2 values", output);

        // The same department id does not exist in the default plan: without --plan it is unknown there.
        var wrongPlan = await cli.RunAsync("ingest", "--department", "koureisha-shien", file);
        Assert.Equal(1, wrongPlan.Exit);
        Assert.Contains("department_unknown", wrongPlan.Output, StringComparison.Ordinal);

        var aggregate = await cli.RunAsync("aggregate", "--plan", Tamana);
        Assert.Equal(0, aggregate.Exit);
        Assert.Contains($"== {Tamana} ", aggregate.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("== kumamoto-welfare-4", aggregate.Output, StringComparison.Ordinal);
        Assert.Contains("I-2-K1 低栄養傾向（BMI20以下）の高… ↓", aggregate.Output, StringComparison.Ordinal);
        Assert.Contains("107.1%", aggregate.Output, StringComparison.Ordinal);
        Assert.Contains("達成 achieved", aggregate.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_for_a_plan_without_wards_filled_in_is_accepted()
    {
        var cli = WithPlans(SamplePlans);
        var path = _temp.File("ishikai.xlsx");
        var (exit, output, _) = await cli.RunAsync("template", "--plan", Tamana, "--department", "ishikai", "--out", path);
        Assert.Equal(0, exit);
        Assert.Contains($"submission template for ishikai of {Tamana}", output, StringComparison.Ordinal);
        using (var document = SpreadsheetDocument.Open(path, true))
        {
            var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
            var part = (WorksheetPart)document.WorkbookPart.GetPartById(sheets[0].Id!);
            var areas = part.Worksheet.Elements<DataValidations>().Single().Elements<DataValidation>().Single(v => (v.SequenceOfReferences?.InnerText ?? "").StartsWith('E'));
            Assert.Equal("\"玉名市\"", areas.Formula1!.Text); // no wards: the whole city only
            foreach (var row in part.Worksheet.Descendants<Row>().Skip(1))
            {
                row.Append(new Cell { CellReference = $"G{row.RowIndex}", CellValue = new CellValue(150) });
            }

            var evaluations = sheets.Single(s => s.Name == "取組評価");
            foreach (var row in ((WorksheetPart)document.WorkbookPart.GetPartById(evaluations.Id!)).Worksheet.Descendants<Row>().Skip(1))
            {
                row.Append(new Cell { CellReference = $"D{row.RowIndex}", DataType = CellValues.String, CellValue = new CellValue("A") });
            }
        }

        var validate = await cli.RunAsync("validate", "--plan", Tamana, "--department", "ishikai", "--json", path);
        Assert.Equal(0, validate.Exit);
        var report = Assert.Single(JsonDocument.Parse(validate.Output).RootElement.EnumerateArray());
        Assert.Equal(Tamana, report.GetProperty("planId").GetString());
        Assert.Equal(6, report.GetProperty("counts").GetProperty("observations").GetInt32()); // II-1-K2 × FY2024–FY2029
        Assert.Equal(3 * 6, report.GetProperty("counts").GetProperty("evaluations").GetInt32()); // I-1-1-b, II-1-1-a, II-2-1-a × 6 years
    }
}

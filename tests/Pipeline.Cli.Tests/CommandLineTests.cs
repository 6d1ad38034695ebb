using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pipeline.Testing;
using Pipeline.Domain.Catalogue;

namespace Pipeline.Cli.Tests;

public sealed class CommandLineTests : IDisposable
{
    private readonly Cli _cli = new();

    // The files and folders this test writes; the CLI runs in process and has ended with the test.
    private readonly TempFolder _temp = new("pipeline-cli-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Validate_accepts_a_good_file_with_exit_0_and_stores_nothing()
    {
        var (exit, output, _) = await _cli.RunAsync("validate", "--department", "shakyo", Cli.Sample("shakyo/R5_成果指標実績_社協.xlsx"));
        Assert.Equal(0, exit);
        Assert.Contains("受理 accepted — 16 values, 36 evaluations, 0 errors", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_rejects_a_bad_file_with_exit_1_and_a_located_bilingual_report()
    {
        var bad = Cli.TempFile(_temp, "bad.csv", Encoding.UTF8.GetBytes("指標ID,年度,実績値\nI-1-K2,2021,abc\n"));
        var (exit, output, _) = await _cli.RunAsync("validate", "-d", "shakyo", bad);
        Assert.Equal(1, exit);
        Assert.Contains("value_not_numeric", output, StringComparison.Ordinal);
        Assert.Contains("bad!C2", output, StringComparison.Ordinal);
        Assert.Contains("数値として読み取れません", output, StringComparison.Ordinal);
        Assert.Contains("is not a number", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_json_prints_the_reports()
    {
        var (exit, output, _) = await _cli.RunAsync("validate", "--department", "jutaku-seisaku", "--json", Cli.Sample("jutaku-seisaku/mimamori_visits.csv"));
        Assert.Equal(0, exit);
        var report = Assert.Single(JsonDocument.Parse(output).RootElement.EnumerateArray());
        Assert.Equal("accepted", report.GetProperty("status").GetString());
        Assert.Equal(4, report.GetProperty("counts").GetProperty("observations").GetInt32());
    }

    [Theory]
    [InlineData]
    [InlineData("frobnicate")]
    [InlineData("validate", "file.csv")]
    [InlineData("ingest", "--department", "shakyo")]
    [InlineData("template", "--department", "shakyo")]
    [InlineData("aggregate", "--bogus")]
    public async Task Wrong_usage_exits_2_with_a_usage_line(params string[] args)
    {
        var (exit, _, error) = await _cli.RunAsync(args);
        Assert.Equal(2, exit);
        Assert.Contains("usage: pipeline", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_for_an_unknown_department_is_wrong_usage()
    {
        var (exit, _, error) = await _cli.RunAsync("template", "--department", "nobody", "--out", _temp.File("x.xlsx"));
        Assert.Equal(2, exit);
        Assert.Contains("kenko-fukushi-seisaku", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_stores_and_replay_and_aggregate_publish()
    {
        var (exit, output, _) = await _cli.RunAsync("ingest", "--department", "seikatsu-jiritsu", Cli.Sample("seikatsu-jiritsu/新規相談受付件数_区別月別.csv"));
        Assert.Equal(0, exit);
        // A folder of its own per upload (RULES.md §2), the file's name kept.
        var stored = System.Text.RegularExpressions.Regex.Match(output, @"\[1/1\] (seikatsu-jiritsu/\d{8}T\d{13}Z-[0-9a-f]{6}/新規相談受付件数_区別月別\.csv): 受理 accepted — 240 values");
        Assert.True(stored.Success, output);

        var replay = await _cli.RunAsync("replay", stored.Groups[1].Value);
        Assert.Equal(0, replay.Exit);
        Assert.Contains("accepted", replay.Output, StringComparison.Ordinal);

        var rejected = await _cli.RunAsync("ingest", "--department", "shakyo", Cli.Sample("seikatsu-jiritsu/新規相談受付件数_区別月別.csv"));
        Assert.Equal(1, rejected.Exit);
        Assert.Contains("not_owner", rejected.Output, StringComparison.Ordinal);

        var outDir = Directory.CreateDirectory(_temp.File("out"));
        var aggregate = await _cli.RunAsync("aggregate", "--out", outDir.FullName);
        Assert.Equal(0, aggregate.Exit);
        Assert.Contains("240 observations from 1 accepted uploads; feed published", aggregate.Output, StringComparison.Ordinal);
        Assert.Contains("III-1-K1", aggregate.Output, StringComparison.Ordinal);
        Assert.Contains("1,150件", aggregate.Output, StringComparison.Ordinal);
        foreach (var name in new[] { "progress.json", "progress.csv", "datapackage.json", "progress.schema.json", "index.html", "dashboard.js", "dashboard.css" })
        {
            Assert.True(File.Exists(Path.Combine(outDir.FullName, "feeds", "v1", "kumamoto-welfare-4", name)), name);
        }

        var again = await _cli.RunAsync("aggregate");
        Assert.Contains("== kumamoto-welfare-4: 前回の公開から変更なし / unchanged since its last publication, not recomputed", again.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("observations from", again.Output, StringComparison.Ordinal);
        var forced = await _cli.RunAsync("aggregate", "--force");
        Assert.Contains("240 observations from 1 accepted uploads; feed unchanged", forced.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_of_a_missing_blob_fails_with_exit_1()
    {
        var (exit, _, error) = await _cli.RunAsync("replay", "shakyo/never-uploaded.xlsx");
        Assert.Equal(1, exit);
        Assert.Contains("shakyo/never-uploaded.xlsx: アップロードが見つかりません / no such upload", error, StringComparison.Ordinal);
    }

    public static TheoryData<string> Departments() => new(BuiltInPlans.Default.Departments.Select(d => d.Id.Value));

    [Theory]
    [MemberData(nameof(Departments))]
    public async Task A_generated_template_filled_in_is_accepted_as_it_is(string department)
    {
        var path = _temp.File($"{department}.xlsx");
        var (exit, _, _) = await _cli.RunAsync("template", "--department", department, "--out", path);
        Assert.Equal(0, exit);

        var plan = BuiltInPlans.Default;
        var owned = plan.Indicators.Where(i => i.OwnerDepartmentId.Value == department).ToList();
        using (var document = SpreadsheetDocument.Open(path, true))
        {
            var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
            Assert.Equal("成果指標", sheets[0]);
            Assert.Contains("記入例", sheets);
            Assert.Contains("説明", sheets);
            var part = (WorksheetPart)document.WorkbookPart.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
            var validations = part.Worksheet.Elements<DataValidations>().Single().Elements<DataValidation>().ToList();
            Assert.Contains(validations, v => v.Formula1!.Text.Contains("令和2年度", StringComparison.Ordinal) && v.Formula1.Text.Contains("令和6年度", StringComparison.Ordinal));
            Assert.Contains(validations, v => v.Formula1!.Text.Contains("中央区", StringComparison.Ordinal));

            // A person types a value into every 実績値 cell (column G), as numbers.
            foreach (var row in part.Worksheet.Descendants<Row>().Skip(1))
            {
                var unit = row.Elements<Cell>().First(c => c.CellReference!.Value!.StartsWith('C')).InnerText;
                row.Append(new Cell { CellReference = $"G{row.RowIndex}", CellValue = new CellValue(unit == "%" ? 50 : 100) });
            }

            var evaluations = document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().FirstOrDefault(s => s.Name == "取組評価");
            if (evaluations is not null)
            {
                var evaluationPart = (WorksheetPart)document.WorkbookPart.GetPartById(evaluations.Id!);
                foreach (var row in evaluationPart.Worksheet.Descendants<Row>().Skip(1))
                {
                    row.Append(new Cell { CellReference = $"D{row.RowIndex}", DataType = CellValues.String, CellValue = new CellValue("B") });
                }
            }
        }

        var validate = await _cli.RunAsync("validate", "--department", department, "--json", path);
        Assert.Equal(0, validate.Exit);
        var report = Assert.Single(JsonDocument.Parse(validate.Output).RootElement.EnumerateArray());
        Assert.Equal(owned.Count * 5, report.GetProperty("counts").GetProperty("observations").GetInt32());
        Assert.Equal(0, report.GetProperty("counts").GetProperty("warnings").GetInt32());
    }
}

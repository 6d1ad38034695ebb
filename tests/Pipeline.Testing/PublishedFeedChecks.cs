using System.Text;
using System.Text.Json;
using Json.Schema;
using Xunit;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Json;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Progress;
using Pipeline.Publishing;
using Pipeline.Publishing.Document;
using Pipeline.Publishing.Formats;

namespace Pipeline.Testing;

/// <summary>
/// What an open-data user's tools see in a set of published files, checked against progress.json: the Data
/// Package against the published Frictionless v2 profiles (JsonSchema.Net and Python's jsonschema), progress.json
/// against its JSON Schema by Python's jsonschema, the CSV files through pandas and csvclean, the Open SDG copy
/// through pandas and PyYAML, and the committee's workbook through openpyxl, figure by figure.
/// </summary>
public static class PublishedFeedChecks
{
    /// <summary>
    /// Writes the files into <paramref name="into"/> (at their published paths; the test's own folder, which it deletes
    /// when it ends) and runs every check.
    /// </summary>
    public static async Task AssertAsync(TempFolder into, IReadOnlyDictionary<string, byte[]> files)
    {
        var folder = into.Path;
        foreach (var (name, content) in files)
        {
            var path = into.File(name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, content);
        }

        var feed = FeedFiles.ReadJson(files[FeedPaths.JsonName]);
        await DataPackageAsync(folder, files);
        await JsonSchemaAsync(folder);
        await ProgressCsvAsync(folder, feed);
        await RevisionsCsvAsync(folder, feed);
        await OpenSdgAsync(folder, feed);
        await WorkbookAsync(folder, feed);
        await OpenFormatChecks.AssertAsync(folder, files, feed);
    }

    private static string Profile(string name) => Path.Combine(AppContext.BaseDirectory, "Frictionless", name);

    private static async Task DataPackageAsync(string folder, IReadOnlyDictionary<string, byte[]> files)
    {
        var descriptor = JsonDocument.Parse(files[FeedPaths.DataPackageName]).RootElement;
        var profile = JsonSchema.FromText(await File.ReadAllTextAsync(Profile("datapackage.json")));
        var result = profile.Evaluate(descriptor, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, "datapackage.json against the v2 profile: " + Errors(result));
        var python = await RealClients.ReadAsync("validate", Profile("datapackage.json"), Path.Combine(folder, FeedPaths.DataPackageName));
        Assert.Equal("Draft7Validator", python.GetProperty("validator").GetString());
        Assert.Empty(python.GetProperty("errors").EnumerateArray());

        Assert.Equal("https://datapackage.org/profiles/2.0/datapackage.json", descriptor.GetProperty("$schema").GetString());
        var resources = descriptor.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(files.Keys.Where(k => k != FeedPaths.DataPackageName).Order(StringComparer.Ordinal),
            resources.Select(r => r.GetProperty("path").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(resources.Count, resources.Select(r => r.GetProperty("name").GetString()).Distinct().Count());
        var resourceProfile = JsonSchema.FromText(await File.ReadAllTextAsync(Profile("dataresource.json")));
        var tableProfile = JsonSchema.FromText(await File.ReadAllTextAsync(Profile("tableschema.json")));
        foreach (var resource in resources)
        {
            Assert.Equal("https://datapackage.org/profiles/2.0/dataresource.json", resource.GetProperty("$schema").GetString());
            Assert.True(resourceProfile.Evaluate(resource).IsValid, resource.GetProperty("path").GetString());
            if (resource.TryGetProperty("schema", out var schema))
            {
                // Only tabular resources have a schema, and it is a Table Schema whose fields are the file's header.
                Assert.Equal("table", resource.GetProperty("type").GetString());
                Assert.True(tableProfile.Evaluate(schema).IsValid, resource.GetProperty("path").GetString());
                var header = Encoding.UTF8.GetString(files[resource.GetProperty("path").GetString()!]).TrimStart('\uFEFF').Split('\n')[0].TrimEnd('\r');
                Assert.Equal(header, string.Join(',', schema.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString())));
                Assert.All(schema.GetProperty("fields").EnumerateArray(), f => Assert.False(string.IsNullOrEmpty(f.GetProperty("title").GetString())));
            }
        }

        var json = resources.Single(r => r.GetProperty("path").GetString() == FeedPaths.JsonName);
        Assert.False(json.TryGetProperty("schema", out _));
        Assert.Equal(FeedPaths.SchemaName, json.GetProperty("jsonSchema").GetString());
        Assert.Equal("utf-8", resources.Single(r => r.GetProperty("path").GetString() == FeedPaths.CsvName).GetProperty("encoding").GetString());
    }

    private static async Task JsonSchemaAsync(string folder)
    {
        var python = await RealClients.ReadAsync("validate", Path.Combine(folder, FeedPaths.SchemaName), Path.Combine(folder, FeedPaths.JsonName));
        Assert.Equal("Draft202012Validator", python.GetProperty("validator").GetString());
        Assert.Empty(python.GetProperty("errors").EnumerateArray());

        // The same validator refuses a feed with a status it does not know: it really checks.
        var broken = Path.Combine(folder, "broken-progress.json");
        await File.WriteAllTextAsync(broken, (await File.ReadAllTextAsync(Path.Combine(folder, FeedPaths.JsonName))).Replace("\"status\": \"behind\"", "\"status\": \"fine\"", StringComparison.Ordinal));
        Assert.NotEmpty((await RealClients.ReadAsync("validate", Path.Combine(folder, FeedPaths.SchemaName), broken)).GetProperty("errors").EnumerateArray());
        File.Delete(broken);
    }

    private static async Task ProgressCsvAsync(string folder, ProgressFeed feed)
    {
        var path = Path.Combine(folder, FeedPaths.CsvName);
        Assert.Equal("No errors.", await RealClients.CsvCleanAsync(path));
        var csv = await RealClients.ReadAsync("pandas", path);
        Assert.Equal(FeedCsv.Columns.Select(c => c.Name), csv.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("int64", csv.GetProperty("dtypes").GetProperty("fiscal_year").GetString());
        var rows = csv.GetProperty("rows").EnumerateArray().ToList();
        var expected = feed.Indicators.SelectMany(i => i.Actuals.SelectMany(a =>
            new[] { (i.Id, a.FiscalYear, Code: feed.Plan.Publisher.LocalGovernmentCode, a.Value) }
                .Concat(a.Areas.Select(w => (i.Id, a.FiscalYear, w.Code, (decimal?)w.Value))))).ToList();
        Assert.Equal(expected, rows.Select(r => (
            r.GetProperty("indicator_id").GetString()!, r.GetProperty("fiscal_year").GetInt32(), r.GetProperty("全国地方公共団体コード").GetString()!,
            r.GetProperty("value").ValueKind == JsonValueKind.Null ? (decimal?)null : r.GetProperty("value").GetDecimal())));
        Assert.All(rows, r => Assert.Matches("^[0-9]{4}-04-01$", r.GetProperty("period_start").GetString()));
        Assert.All(rows.Where(r => r.GetProperty("received_at").ValueKind != JsonValueKind.Null),
            r => Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z$", r.GetProperty("received_at").GetString()));

        // RULES.md §13: each value's flag and note, as progress.json has them (a note read back exactly, any ' a
        // spreadsheet's guard put in front of = + - @ aside).
        var remarks = feed.Indicators.SelectMany(i => i.Actuals.SelectMany(a =>
            new[] { (a.Flag, a.Note) }.Concat(a.Areas.Select(w => (w.Flag, w.Note))))).ToList();
        Assert.Equal(remarks.Select(r => (r.Flag is { } f ? PipelineJson.Name(f) : null, r.Note)), rows.Select(r => (
            r.GetProperty("flag").GetString(), Unguarded(r.GetProperty("note").GetString()))));
    }

    /// <summary>A text cell as written before the CSV's guard against formulas (a ' before = + - @).</summary>
    private static string? Unguarded(string? cell) =>
        cell is { Length: > 1 } && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' ? cell[1..] : cell;

    private static async Task RevisionsCsvAsync(string folder, ProgressFeed feed)
    {
        var path = Path.Combine(folder, RevisionsCsv.Name);
        Assert.Equal("No errors.", await RealClients.CsvCleanAsync(path));
        var csv = await RealClients.ReadAsync("pandas", path);
        Assert.Equal(
            ["plan_id", "indicator_id", "fiscal_year", "area_code", "month", "previous_value", "value", "previous_upload_id",
             "upload_id", "previous_received_at", "received_at", "department_id", "previous_flag", "flag",
             "after_confirmation"],
            csv.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!));
        var expected = FeedProvenance.Revisions(feed).Select(x => (x.Indicator.Id, x.Actual.FiscalYear,
            x.Revision.AreaCode, x.Revision.PreviousValue, x.Revision.Value, x.Revision.UploadId,
            Flag(x.Revision.PreviousFlag), Flag(x.Revision.Flag))).ToList();
        Assert.Equal(expected, csv.GetProperty("rows").EnumerateArray().Select(r => (
            r.GetProperty("indicator_id").GetString()!, r.GetProperty("fiscal_year").GetInt32(),
            r.GetProperty("area_code").GetString()!, r.GetProperty("previous_value").GetDecimal(),
            r.GetProperty("value").GetDecimal(), r.GetProperty("upload_id").GetString()!,
            r.GetProperty("previous_flag").GetString(), r.GetProperty("flag").GetString())));
    }

    private static async Task OpenSdgAsync(string folder, ProgressFeed feed)
    {
        foreach (var indicator in feed.Indicators)
        {
            var path = Path.Combine(folder, OpenSdgExport.DataName(indicator.Id));
            Assert.Equal("No errors.", await RealClients.CsvCleanAsync(path));
            var csv = await RealClients.ReadAsync("pandas", path);
            Assert.Equal(["Year", "Units", "Area", "GeoCode", "COMMENT_OBS", "Value"],
                csv.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!));
            var headline = csv.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("Area").ValueKind == JsonValueKind.Null)
                .Select(r => (r.GetProperty("Year").GetInt32(), r.GetProperty("Value").GetDecimal(),
                    Unguarded(r.GetProperty("COMMENT_OBS").GetString())));
            Assert.Equal(indicator.Actuals.Where(a => a.Value is not null)
                .Select(a => (a.FiscalYear, a.Value!.Value, Comment(a.Flag, a.Note))), headline);
            var meta = await RealClients.ReadAsync("yaml", Path.Combine(folder, OpenSdgExport.MetaName(indicator.Id)));
            Assert.Equal(indicator.Name.Ja, meta.GetProperty("indicator_name").GetString());
            Assert.Equal(indicator.Unit, meta.GetProperty("computation_units").GetString());
            Assert.Equal(indicator.Target.Value, meta.GetProperty("graph_target_lines")[0].GetProperty("value").GetDecimal());
            Assert.Equal(indicator.Target.FiscalYear, meta.GetProperty("progress_calculation_options")[0].GetProperty("target_year").GetInt32());
            Assert.Equal(feed.LicenseDetail.DatasetUrl, meta.GetProperty("source_url_1").GetString());
            if (indicator.Commentary is { Count: > 0 } words)
            {
                Assert.Equal(words[^1].FiscalYear, meta.GetProperty("commentary_fiscal_year").GetInt32());
                Assert.Equal(words[^1].Assessment?.Ja, Field(meta, "commentary_assessment"));
                Assert.Equal(words[^1].Issues?.Ja, Field(meta, "commentary_issues"));
                Assert.Equal(words[^1].NextSteps?.Ja, Field(meta, "commentary_next_steps"));
                Assert.DoesNotContain("<", meta.GetProperty("page_content").GetString()!, StringComparison.Ordinal);
            }
            else
            {
                Assert.False(meta.TryGetProperty("page_content", out _));
            }
        }
    }

    private static string? Field(JsonElement meta, string name) =>
        meta.TryGetProperty(name, out var value) ? value.GetString() : null;

    /// <summary>COMMENT_OBS as pandas reads it: the flag in both languages, then the note; null for neither.</summary>
    private static string? Comment(ValueFlag? flag, string? note)
    {
        var label = flag is { } f ? ValueFlags.Label(f) : null;
        var parts = new[] { label is null ? null : $"{label.Ja} ({label.En})", note };
        var text = string.Join(" / ", parts.OfType<string>());
        return text.Length == 0 ? null : text;
    }

    private static string? Flag(ValueFlag? flag) => flag is { } f ? PipelineJson.Name(f) : null;

    private static async Task WorkbookAsync(string folder, ProgressFeed feed)
    {
        var book = await RealClients.ReadAsync("workbook", Path.Combine(folder, FeedPaths.WorkbookName));
        var sheets = book.GetProperty("sheets").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal(ProgressReport.SheetNames, sheets.Keys);
        foreach (var sheet in sheets.Values)
        {
            Assert.Equal("landscape", sheet.GetProperty("orientation").GetString());
            Assert.Equal(9, sheet.GetProperty("paperSize").GetInt32());
            Assert.Equal("1:1", sheet.GetProperty("printTitleRows").GetString()?.Replace("$", "", StringComparison.Ordinal));
            Assert.EndsWith("2", sheet.GetProperty("freeze").GetString(), StringComparison.Ordinal);
            Assert.True(sheet.GetProperty("fitToPage").GetBoolean());
        }

        var years = Enumerable.Range(feed.Plan.StartFiscalYear, feed.Plan.EndFiscalYear - feed.Plan.StartFiscalYear + 1).ToList();
        var summary = Rows(sheets["概要"]);
        foreach (var policy in feed.Policies)
        {
            var row = summary.Single(r => Text(r[1]) == policy.Id);
            Assert.Equal(FeedBuilder.CountedStatuses.Select(s => policy.StatusCounts[PipelineJson.Name(s)]), row.Skip(3).Take(5).Select(c => c.GetInt32()));
        }

        foreach (var basic in feed.BasicPolicies)
        {
            var row = summary.Single(r => Text(r[0]) == "基本方針" && Text(r[1]) == basic.Id);
            Assert.Equal(FeedBuilder.CountedStatuses.Select(s => basic.StatusCounts[PipelineJson.Name(s)]), row.Skip(3).Take(5).Select(c => c.GetInt32()));
        }

        var indicators = Rows(sheets["成果指標"]);
        Assert.Equal(feed.Indicators.Count, indicators.Count - 1);
        foreach (var (indicator, row) in feed.Indicators.Zip(indicators.Skip(1)))
        {
            Assert.Equal(indicator.Id, Text(row[0]));
            Assert.Equal(indicator.Baseline.Value, Number(row[5]));
            var byYear = indicator.Actuals.ToDictionary(a => a.FiscalYear);
            Assert.Equal(years.Select(y => byYear.TryGetValue(y, out var a) ? a.Value : null), row.Skip(6).Take(years.Count).Select(Number));
            var rest = row.Skip(6 + years.Count).ToList();
            Assert.Equal((indicator.Target.FiscalYear, indicator.Target.Value), ((int)Number(rest[0])!.Value, Number(rest[1])));
            Assert.Equal((indicator.Latest?.Value, indicator.AchievementRatePercent), (Number(rest[3]), Number(rest[4])));
            Assert.Equal(StatusLabels.Of(indicator.Status).Ja, Text(rest[5]));
            Assert.Equal(PipelineJson.Name(indicator.SdgProgress), Text(rest[6]));
            Assert.Equal(indicator.Overdue ? "超過" : null, Text(rest[9]));
        }

        var initiatives = Rows(sheets["取組評価"]).Skip(1).ToList();
        var all = feed.Policies.SelectMany(p => p.Measures).SelectMany(m => m.Initiatives).ToList();
        Assert.Equal(all.Select(i => i.Id), initiatives.Select(r => Text(r[0])));
        foreach (var (initiative, row) in all.Zip(initiatives))
        {
            var byYear = initiative.Evaluations.ToDictionary(e => e.FiscalYear);
            Assert.Equal(years.Select(y => byYear.TryGetValue(y, out var e) ? PipelineJson.Name(e.Rating).ToUpperInvariant() : null),
                row.Skip(6).Take(years.Count).Select(c => Text(c)?.Split(' ')[0]));
        }

        Assert.Equal(all.Select((i, n) => (i.Priority, Row: n + 2)).Where(x => x.Priority).Select(x => x.Row),
            sheets["取組評価"].GetProperty("highlighted").EnumerateArray().Select(r => r.GetInt32()));

        // 評価・課題: every indicator and year with a value or commentary, the flag, the note and the three texts.
        var words = Rows(sheets["評価・課題"]).Skip(1).ToList();
        var expectedWords = feed.Indicators.SelectMany(i => i.Actuals.Select(a => a.FiscalYear)
                .Union((i.Commentary ?? []).Select(c => c.FiscalYear)).Order()
                .Select(y => (i, y, a: i.Actuals.FirstOrDefault(a => a.FiscalYear == y),
                    c: (i.Commentary ?? []).FirstOrDefault(c => c.FiscalYear == y))))
            .Select(x => (x.i.Id, x.y, x.a?.Value, x.a?.Flag is { } f ? ValueFlags.Label(f).Ja : null, x.a?.Note,
                x.c?.Assessment?.Ja, x.c?.Issues?.Ja, x.c?.NextSteps?.Ja))
            .ToList();
        Assert.Equal(expectedWords, words.Select(r => (Text(r[0])!, (int)Number(r[2])!.Value, Number(r[3]),
            Text(r[5]), Text(r[6]), Text(r[7]), Text(r[8]), Text(r[9]))));

        var wards = Rows(sheets["区別"]);
        var wardCodes = wards[0].Skip(5).Select(c => Text(c)).ToList();
        var wardRows = wards.Skip(1).ToList();
        var actuals = feed.Indicators.SelectMany(i => i.Actuals.Select(a => (i, a))).ToList();
        Assert.Equal(actuals.Count, wardRows.Count);
        foreach (var ((indicator, actual), row) in actuals.Zip(wardRows))
        {
            Assert.Equal((indicator.Id, actual.FiscalYear, actual.Value), (Text(row[0]), (int)Number(row[3])!.Value, Number(row[4])));
            var byName = actual.Areas.ToDictionary(w => w.Name.Ja);
            Assert.Equal(wardCodes.Select(n => byName.TryGetValue(n!, out var w) ? w.Value : (decimal?)null), row.Skip(5).Select(Number));
        }
    }

    private static List<List<JsonElement>> Rows(JsonElement sheet) =>
        sheet.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().ToList()).ToList();

    private static string? Text(JsonElement cell) => cell.ValueKind == JsonValueKind.Null ? null : cell.ToString();

    private static decimal? Number(JsonElement cell) => cell.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number => cell.GetDecimal(),
        _ => throw new InvalidOperationException($"not a number: {cell}"),
    };

    private static string Errors(EvaluationResults result) =>
        string.Join("\n", result.Details?.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? []);

    /// <summary>A feed's files by published name.</summary>
    public static IReadOnlyDictionary<string, byte[]> ByName(IEnumerable<FeedFile> files) =>
        files.ToDictionary(f => f.Name, f => f.Content, StringComparer.Ordinal);

}

using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Data.Tables;
using Pipeline.Infrastructure.Storage;
using Pipeline.Testing;
using Xunit.Abstractions;
using Pipeline.Application.Ingestion;
using Pipeline.Application.Reports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Uploads;
using Pipeline.Application.Ports;
using Pipeline.Domain.Problems;
using Pipeline.Domain.Json;

namespace Pipeline.Application.Tests;

/// <summary>
/// Issue 15, item 9 (the mutation part): the 300 mutants of the samples go through
/// <see cref="IngestionService"/> on Azurite as uploads would. Each ends in its report blob; a rejected one
/// leaves nothing visible; an accepted one reports exactly the values its mutation leaves (see
/// <see cref="Mutants"/>), so a value changed silently fails the test; and where the mutation decides the outcome
/// (a workbook cut short, lines of a CSV kept or repeated) the report has that outcome.
/// </summary>
public sealed class MutantIngestionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_mutant_ingested_on_Azurite_gets_its_report_and_accepted_ones_carry_exactly_the_values_the_mutation_left()
    {
        var watch = Stopwatch.StartNew();
        var mutants = Mutants.Generate(BuiltInPlans.Default);
        var outcomes = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentQueue<string>();
        await Parallel.ForEachAsync(mutants, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (mutant, cancel) =>
        {
            var failure = await IngestAsync(mutant, outcomes, cancel);
            if (failure is not null)
            {
                failures.Enqueue($"{mutant}: {failure}");
            }
        });

        output.WriteLine($"{mutants.Count} mutants in {watch.Elapsed.TotalSeconds:F1} s: " + string.Join(", ", outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key}={o.Value}")));
        Assert.Empty(failures);
        // The outcomes the mutations decide were checked, each of them (the seed gives all three).
        Assert.Equal(["accepted", "duplicate_row", "file_unreadable", "no_values"],
            mutants.Select(m => m.ExpectedOutcome).OfType<string>().Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_value_changed_by_the_file_but_not_by_the_mutation_is_caught()
    {
        // The check itself can fail: a mutant whose expected values are the original ones, but whose content
        // (like a reader that corrupted a value) says 26 where the original says 25.
        var path = Path.Combine(RepositoryRoot.Find(), "samples", "submissions", "jutaku-seisaku", "mimamori_visits.csv");
        var changed = System.Text.Encoding.UTF8.GetBytes(File.ReadAllText(path).Replace(",140,", ",141,", StringComparison.Ordinal));
        var mutant = new Mutant(0, "jutaku-seisaku", "mimamori_visits.csv", "140 made 141", changed, Mutants.OriginalValues(BuiltInPlans.Default, path));
        var failure = await IngestAsync(mutant, new ConcurrentDictionary<string, int>(), CancellationToken.None);
        Assert.NotNull(failure);
        Assert.Contains("Value = 141", failure, StringComparison.Ordinal);
    }

    /// <summary>Ingests one mutant in a pipeline of its own; null when everything holds, else what did not.</summary>
    private static async Task<string?> IngestAsync(Mutant mutant, ConcurrentDictionary<string, int> outcomes, CancellationToken cancel)
    {
        using var pipeline = new TestPipeline(Azurite.Instance);
        var blobName = $"{mutant.Department}/{mutant.FileName}";
        var result = await pipeline.Get<IngestionService>().IngestAsync(UploadedFiles.At(pipeline, blobName, mutant.Content), cancel);
        var stored = await UploadedFiles.StoredReportAsync(pipeline, result);
        var ledger = await pipeline.Storage.TableAsync(StorageNames.UploadsTable, cancel);
        var rows = ledger.Query<TableEntity>(cancellationToken: cancel).ToList();
        var statuses = rows.Where(r => r.GetString("Kind") == "upload").Select(r => r.GetString("Status")).ToArray();
        var claimed = rows.Any(r => r.GetString("Kind") == "accepted"); // the commit's marker

        var error = stored.Problems.FirstOrDefault(p => p.Severity == Severity.Error);
        var outcome = stored.Status == UploadStatus.Accepted ? "accepted"
            : error is not null ? PipelineJson.Name(error.Code) : "no error given";
        var kind = System.Text.RegularExpressions.Regex.Replace(mutant.Mutation, @"[0-9.]+", "n");
        outcomes.AddOrUpdate($"{outcome} ({kind})", 1, (_, n) => n + 1);
        if (mutant.ExpectedOutcome is { } decided && decided != outcome)
        {
            return $"{outcome}, where the mutation decides {decided}: " +
                string.Join("; ", stored.Problems.Take(3).Select(p => $"{PipelineJson.Name(p.Code)} {p.Message.En}"));
        }

        if (stored.UploadId != result.Report.UploadId)
        {
            return "the stored report is not this upload's";
        }

        if (stored.Problems.Any(p => p.Code == ProblemCode.InternalError))
        {
            return "internal_error: " + string.Join("; ", stored.Problems.Select(p => p.Message.En));
        }

        if (stored.Status != UploadStatus.Accepted)
        {
            return stored.Status == UploadStatus.Rejected && statuses.SequenceEqual(["Rejected"]) && !claimed && stored.Problems.Count > 0
                ? null
                : $"not accepted, yet status {stored.Status}, ledger [{string.Join(",", statuses)}], committed {claimed}";
        }

        if (!statuses.SequenceEqual(["Accepted"]) || !claimed)
        {
            return $"accepted, yet ledger [{string.Join(",", statuses)}], committed {claimed}";
        }

        var expected = Sorted(mutant.ExpectedIfAccepted);
        var reported = Sorted(stored.Values);
        if (stored.ValuesNotListed != 0 || !expected.SequenceEqual(reported))
        {
            return $"accepted with values other than the mutation left: expected {expected.Length}, reported {reported.Length}; " +
                $"missing [{string.Join("; ", expected.Except(reported).Take(5))}], unexpected [{string.Join("; ", reported.Except(expected).Take(5))}]";
        }

        return stored.Counts.Observations == expected.Length ? null : $"counts say {stored.Counts.Observations} values, {expected.Length} expected";
    }

    /// <summary>The values as figures (a mutation may change a note, which the figures do not depend on).</summary>
    private static ReportValue[] Sorted(IEnumerable<ReportValue> values) =>
        [.. values.Select(v => v with { Flag = null, Note = null }).OrderBy(v => v.IndicatorId, StringComparer.Ordinal).ThenBy(v => v.FiscalYear).ThenBy(v => v.AreaCode, StringComparer.Ordinal).ThenBy(v => v.Month).ThenBy(v => v.Value)];
}

using System.Text;
using Pipeline.Testing;
using Pipeline.Application.Reports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Spreadsheets;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Application.Tests;

/// <summary>
/// The 300 mutants of the sample submissions (seeded), restricted so that an accepted mutant's values are
/// known from the original file: binary workbooks (xlsx, xls) get random byte flips, truncations and
/// duplicated spans, which may break the file but may never change a value, so the original values are
/// expected; CSV files are cut and duplicated at line boundaries (expected: the original values of the lines
/// kept, duplicated lines twice) and get letters written into data lines (which may only be rejected or,
/// in a note, leave the values as they were).
/// </summary>
public static class Mutants
{
    public static IReadOnlyList<Mutant> Generate(Plan plan, int count = 300, int seed = 431001)
    {
        var random = new Random(seed);
        var samples = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Find(), "samples", "submissions"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var originals = samples.ToDictionary(p => p, p => OriginalObservations(plan, p));
        var mutants = new List<Mutant>();
        for (var i = 0; i < count; i++)
        {
            var path = samples[i % samples.Length];
            var department = Path.GetFileName(Path.GetDirectoryName(path))!;
            var bytes = File.ReadAllBytes(path);
            var original = originals[path];
            var (mutation, content, expected, outcome) = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
                ? MutateLines(random, bytes, original)
                : MutateBytes(random, bytes, original);
            mutants.Add(new Mutant(i, department, Path.GetFileName(path), mutation, content, expected, outcome));
        }

        return mutants;
    }

    /// <summary>A sample's values as its report lists them.</summary>
    public static ReportValue[] OriginalValues(Plan plan, string path) => Values(OriginalObservations(plan, path));

    /// <summary>The original file's values, with the row each came from.</summary>
    private static Observation[] OriginalObservations(Plan plan, string path)
    {
        var submission = new SubmissionReader(plan, ReadLimits.Default).ReadWhole(new MemoryStream(File.ReadAllBytes(path)), Path.GetFileName(path),
            plan.FindDepartment(Path.GetFileName(Path.GetDirectoryName(path))!));
        if (!submission.IsAcceptable || submission.Observations.Count == 0)
        {
            throw new InvalidOperationException($"The sample {path} must be accepted with values: {string.Join("; ", submission.Problems)}");
        }

        return [.. submission.Observations];
    }

    private static ReportValue[] Values(IEnumerable<Observation> observations) => [.. observations.Select(ReportValue.From)];

    private static (string, byte[], ReportValue[], string?) MutateBytes(
        Random random, byte[] bytes, Observation[] original)
    {
        switch (random.Next(3))
        {
            case 0:
                var flips = random.Next(1, 20);
                for (var k = flips; k > 0; k--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return ($"{flips} random bytes", bytes, Values(original), null);
            case 1:
                var cut = random.Next(1, bytes.Length);
                // A workbook cut short has lost its end: a zip's directory, a compound file's sectors.
                return ($"cut at byte {cut}", bytes[..cut], Values(original), "file_unreadable");
            default:
                var at = random.Next(bytes.Length);
                var length = random.Next(1, Math.Min(4096, bytes.Length - at));
                byte[] longer = [.. bytes[..at], .. bytes[at..(at + length)], .. bytes[at..]];
                return ($"{length} bytes at {at} duplicated", longer, Values(original), null);
        }
    }

    private static (string, byte[], ReportValue[], string?) MutateLines(
        Random random, byte[] bytes, Observation[] original)
    {
        var text = Encoding.Latin1.GetString(bytes); // byte for byte, whatever the file's encoding
        var lines = text.Split('\n').ToList(); // line n (1-based) is sheet row n
        var last = lines.FindLastIndex(l => l.Trim().Length > 0) + 1;
        ReportValue[] RowsOf(IEnumerable<int> rows) => [.. rows.SelectMany(r => original.Where(o => o.Source.Row == r)).Select(ReportValue.From)];
        switch (random.Next(3))
        {
            case 0:
                var row = random.Next(2, last + 1);
                var line = lines[row - 1].ToCharArray();
                var letters = random.Next(1, 4);
                for (var k = letters; k > 0; k--)
                {
                    line[random.Next(line.Length)] = 'x';
                }

                lines[row - 1] = new string(line);
                return ($"{letters} letters written into row {row}", Join(lines), Values(original), null);
            case 1:
                var keep = random.Next(1, last);
                // The lines kept are a file of their own: accepted with their values, or only a header.
                return ($"cut after row {keep}", Join(lines.Take(keep).Append("")), RowsOf(Enumerable.Range(1, keep)),
                    keep == 1 ? "no_values" : "accepted");
            default:
                var from = random.Next(2, last + 1);
                var count = random.Next(1, Math.Min(5, last - from + 1) + 1);
                var rows = Enumerable.Range(1, from + count - 1).Concat(Enumerable.Range(from, last - from + 1));
                var duplicated = rows.Select(r => lines[r - 1]).Concat(lines.Skip(last)).ToList();
                // A row given twice in one file is an error of the file (duplicate_row).
                return ($"rows {from}..{from + count - 1} duplicated", Join(duplicated), RowsOf(rows), "duplicate_row");
        }
    }

    private static byte[] Join(IEnumerable<string> lines) => Encoding.Latin1.GetBytes(string.Join('\n', lines));
}

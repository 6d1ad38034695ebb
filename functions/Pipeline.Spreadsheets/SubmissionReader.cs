using Pipeline.Domain.Catalogue;
using Pipeline.Spreadsheets.Problems;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Spreadsheets;

/// <summary>
/// Interprets a department's file (<c>RULES.md §2</c>): picks the sheet reader from the content
/// (<see cref="FormatSniffer"/>), finds each sheet's header row, reads long and wide forms, and checks every
/// row, collecting every problem with its location. Pure: a Stream in, what was read out.
/// </summary>
public sealed class SubmissionReader
{
    /// <summary>Most problems listed in one report; the rest are counted in a last entry.</summary>
    public const int MaxProblemsListed = 1000;

    /// <summary>Most values (and evaluations) a report lists; the rest are counted (<c>RULES.md §2</c>).</summary>
    public const int MaxValuesListed = 10_000;

    /// <summary>The file name endings the reader accepts (<c>RULES.md §2</c>); what the content is decides the
    /// reader.</summary>
    public static readonly IReadOnlyList<string> AcceptedExtensions = [".xlsx", ".xls", ".ods", ".csv", ".tsv", ".txt"];

    private static readonly string[] IgnoredSheetMarks = ["記入例", "説明", "注意"];

    private readonly Plan _plan;
    private readonly ReadLimits _limits;
    private readonly Func<IEnumerable<SheetRow>, IEnumerable<SheetRow>> _rowsRead;

    /// <summary>A reader for a plan's submissions within the given limits.</summary>
    public SubmissionReader(Plan plan, ReadLimits limits)
        : this(plan, limits, rows => rows)
    {
    }

    /// <summary>With a view of the rows as the sheet reader gives them (the tests' seam for a failing
    /// reader).</summary>
    internal SubmissionReader(Plan plan, ReadLimits limits, Func<IEnumerable<SheetRow>, IEnumerable<SheetRow>> rowsRead)
    {
        _plan = plan;
        _limits = limits;
        _rowsRead = rowsRead;
    }

    /// <summary>Whether a sheet is read: sheets named with 記入例, 説明 or 注意 are examples or instructions.</summary>
    public static bool IsDataSheet(string name) =>
        !IgnoredSheetMarks.Any(m => name.Contains(m, StringComparison.Ordinal));

    /// <summary>
    /// Starts reading a file (the stream must be seekable, see <see cref="SeekableContent"/>): nothing is read
    /// until the result's observations are enumerated.
    /// </summary>
    public SubmissionReading StartReading(Stream content, string fileName, Department? department)
    {
        var problems = new ProblemList(MaxProblemsListed);
        var budget = new WorkBudget(content.Length, _limits);
        if (department is null)
        {
            problems.Add(ProblemCatalog.DepartmentUnknown(null));
        }

        IEnumerable<SheetRow>? rows = null;
        if (content.Length > _limits.MaxFileBytes)
        {
            problems.Add(ProblemCatalog.FileTooLarge(_limits.MaxFileBytes));
        }
        else if (FormatSniffer.Rows(content, fileName, _limits, problems) is { } found)
        {
            rows = budget.Meter(_rowsRead(found));
        }

        return new SubmissionReading(_plan, department, fileName, rows, problems, budget);
    }

    /// <summary>Reads a whole file, keeping every observation: for checks and tests, not for large files.</summary>
    public Submission ReadWhole(Stream content, string fileName, Department? department)
    {
        var reading = StartReading(content, fileName, department);
        var observations = reading.All().ToList();
        var summary = reading.Summary;
        return new Submission(summary.FileName, summary.Format, observations, summary.Evaluations, summary.Problems,
            summary.RowsRead, summary.RowsSkipped)
        {
            Commentary = summary.Commentary,
            FiscalYears = summary.FiscalYears,
        };
    }

    /// <summary>Reads a whole file for its report, keeping no more than the values a report lists.</summary>
    public SubmissionSummary ReadSummary(Stream content, string fileName, Department? department) =>
        StartReading(content, fileName, department).Finish();
}

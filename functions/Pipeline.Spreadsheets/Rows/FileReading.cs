using Pipeline.Domain.Catalogue;
using Pipeline.Spreadsheets.Parsing;
using Pipeline.Spreadsheets.Problems;
using Pipeline.Spreadsheets.Reading;
using Pipeline.Domain.Observations;

namespace Pipeline.Spreadsheets.Rows;

/// <summary>
/// What the row rules of one file share: the plan, its resolvers, the problems, what was read, and caches.
/// Department files repeat the same few texts (ids, years, wards) on every row: each distinct text is
/// interpreted once per file.
/// </summary>
internal sealed class FileReading(Plan plan, Department? department, ProblemList problems, SubmissionContents output,
    WorkBudget budget)
{
    private readonly AreaResolver _areas = new(plan);
    private readonly CatalogueResolver _catalogue = new(plan);
    private readonly Dictionary<string, Indicator?> _indicators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FiscalYear?> _fiscalYears = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Area?> _areaTexts = new(StringComparer.Ordinal);
    private readonly Dictionary<double, Area?> _areaNumbers = [];
    private string? _lastIndicatorText;
    private Indicator? _lastIndicator;
    private string? _lastFiscalYearText;
    private FiscalYear? _lastFiscalYear;
    private string? _lastAreaText;
    private Area? _lastArea;

    public Plan Plan => plan;

    public Department? Department => department;

    public ProblemList Problems => problems;

    public SubmissionContents Output => output;

    /// <summary>The file's work budget, charged with each data row's header lookups.</summary>
    public WorkBudget Budget => budget;

    public CatalogueResolver Catalogue => _catalogue;

    public DuplicateGuard Duplicates { get; } = new(plan);

    public static SourceLocation At(SheetRow row, int column) => new(row.Sheet, row.Row, column);

    public Indicator? Indicator(in Cell cell)
    {
        // A file's rows of one indicator follow each other: the last text is asked first (the CSV reader gives a
        // repeated text as the same string, found by reference; an .xlsx's inline texts are equal strings, compared
        // without hashing them).
        if (cell.Kind == CellKind.Text && cell.Text is { } text && string.Equals(text, _lastIndicatorText))
        {
            return _lastIndicator;
        }

        var display = cell.Display;
        if (!_indicators.TryGetValue(display, out var indicator))
        {
            indicator = _catalogue.Indicator(cell);
            _indicators[display] = indicator;
        }

        _lastIndicatorText = cell.Kind == CellKind.Text ? cell.Text : null;
        _lastIndicator = indicator;
        return indicator;
    }

    /// <summary>
    /// The fiscal year of a row's fiscal-year cell, or null with the problem added. Under a heading that names
    /// an era (年度（令和）) a bare number is a year of that era.
    /// </summary>
    public FiscalYear? FiscalYearOf(SheetRow row, int column, string? era = null)
    {
        var cell = row[column];
        if (era is not null && EraYear(cell) is { } eraYear)
        {
            cell = Cell.OfText(cell.Column, era + eraYear);
        }

        if (cell.IsBlank)
        {
            problems.Add(ProblemCatalog.FiscalYearMissing(At(row, column)));
            return null;
        }

        FiscalYear? fy;
        if (cell.Kind == CellKind.Text && cell.Text is { } text && string.Equals(text, _lastFiscalYearText))
        {
            fy = _lastFiscalYear;
        }
        else if (cell.Kind == CellKind.Text)
        {
            if (!_fiscalYears.TryGetValue(cell.Text!, out fy))
            {
                fy = FiscalYearParser.TryParse(cell, out var parsed) ? parsed : null;
                _fiscalYears[cell.Text!] = fy;
            }

            _lastFiscalYearText = cell.Text;
            _lastFiscalYear = fy;
        }
        else
        {
            fy = FiscalYearParser.TryParse(cell, out var parsed) ? parsed : null;
        }

        if (fy is null)
        {
            problems.Add(ProblemCatalog.FiscalYearUnrecognised(At(row, column), cell.Display));
        }

        return fy;
    }

    private static string? EraYear(Cell cell)
    {
        if (cell.Kind == CellKind.Number && cell.Number is >= 1 and < 100 && cell.Number == Math.Floor(cell.Number))
        {
            return ((int)cell.Number).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var text = JapaneseText.Normalize(cell.Text);
        return cell.Kind == CellKind.Text && text.Length is 1 or 2 && text.All(char.IsAsciiDigit) ? text : null;
    }

    public bool TryResolveArea(in Cell cell, out Area area)
    {
        if (cell.Kind == CellKind.Number)
        {
            // An area code typed as a number (431010): formatted and looked up once per file, not once per row.
            if (!_areaNumbers.TryGetValue(cell.Number, out var byNumber))
            {
                byNumber = _areas.TryResolve(cell, out var resolved) ? resolved : null;
                _areaNumbers[cell.Number] = byNumber;
            }

            area = byNumber!;
            return byNumber is not null;
        }

        if (cell.Kind != CellKind.Text || cell.Text is null)
        {
            return _areas.TryResolve(cell, out area);
        }

        if (string.Equals(cell.Text, _lastAreaText))
        {
            area = _lastArea!;
            return _lastArea is not null;
        }

        if (!_areaTexts.TryGetValue(cell.Text, out var cached))
        {
            cached = _areas.TryResolve(cell, out var resolved) ? resolved : null;
            _areaTexts[cell.Text] = cached;
        }

        _lastAreaText = cell.Text;
        _lastArea = cached;

        area = cached!;
        return cached is not null;
    }

    /// <summary>True where the fiscal year lies in the accepted range; otherwise the problem is added.</summary>
    public bool InPlan(SheetRow row, int column, FiscalYear fy, FiscalYear first)
    {
        if (fy >= first && fy <= plan.EndFiscalYear)
        {
            return true;
        }

        problems.Add(
            ProblemCatalog.FiscalYearOutOfPlan(At(row, column), fy.Value, first.Value, plan.EndFiscalYear.Value));
        return false;
    }
}

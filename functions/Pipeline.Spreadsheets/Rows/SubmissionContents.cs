using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Commentary;
using Pipeline.Domain.Observations;
namespace Pipeline.Spreadsheets.Rows;

/// <summary>
/// What one reading of a file has produced so far: the valid observations of the current row (taken by the
/// reading as soon as the row is done), every evaluation and commentary, the counts, the fiscal years touched,
/// and the first values listed for the report (<c>RULES.md §2</c>: up to <c>listed</c>,
/// <c>SubmissionReader.MaxValuesListed</c>).
/// </summary>
internal sealed class SubmissionContents(int listed)
{
    /// <summary>In order; a file gives a few years, so a list kept sorted (a SortedSet of ints was dozens of
    /// methods to compile at run time, issue 27).</summary>
    private readonly List<int> _fiscalYears = [];
    private int _lastFiscalYear = int.MinValue;
    private readonly Dictionary<(string, FiscalYear), (int Row, IndicatorCommentary Commentary)> _commentary = [];

    public List<Observation> Pending { get; } = [];

    public List<Evaluation> Evaluations { get; } = [];

    public List<IndicatorCommentary> Commentary { get; } = [];

    public List<Observation> Listed { get; } = [];

    public int ObservationCount { get; private set; }

    public int RowsRead { get; set; }

    public int RowsSkipped { get; set; }

    /// <summary>Every fiscal year a value, an evaluation or a commentary of the file is for, in order.</summary>
    public IReadOnlyList<int> FiscalYears => _fiscalYears;

    public void Add(Observation observation)
    {
        ObservationCount++;
        if (observation.FiscalYear.Value != _lastFiscalYear)
        {
            // Rows of one year follow each other: the list of years is consulted when the year changes.
            _lastFiscalYear = observation.FiscalYear.Value;
            AddFiscalYear(_lastFiscalYear);
        }

        Pending.Add(observation);
        if (Listed.Count < listed)
        {
            Listed.Add(observation);
        }
    }

    public void Add(Evaluation evaluation)
    {
        AddFiscalYear(evaluation.FiscalYear.Value);
        Evaluations.Add(evaluation);
    }

    /// <summary>
    /// Adds commentary given on <paramref name="row"/>; the same text again is kept once; false, with the first
    /// row, where an earlier row gave a different one for the indicator and fiscal year.
    /// </summary>
    public bool TryAdd(IndicatorCommentary commentary, int row, out int firstRow)
    {
        var key = (commentary.IndicatorId, commentary.FiscalYear);
        if (_commentary.TryGetValue(key, out var first))
        {
            firstRow = first.Row;
            return first.Commentary == commentary;
        }

        firstRow = row;
        _commentary[key] = (row, commentary);
        AddFiscalYear(commentary.FiscalYear.Value);
        Commentary.Add(commentary);
        return true;
    }

    private void AddFiscalYear(int year)
    {
        var at = _fiscalYears.Count;
        while (at > 0 && _fiscalYears[at - 1] > year)
        {
            at--;
        }

        if (at == 0 || _fiscalYears[at - 1] != year)
        {
            _fiscalYears.Insert(at, year);
        }
    }
}

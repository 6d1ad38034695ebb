using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Problems;
using Pipeline.Spreadsheets.Headers;
using Pipeline.Spreadsheets.Problems;
using Pipeline.Spreadsheets.Reading;
using Pipeline.Spreadsheets.Rows;

namespace Pipeline.Spreadsheets;

/// <summary>
/// One file being read, pulled by its consumer: enumerating <see cref="Observations"/> reads the file row by
/// row and yields each valid observation as soon as its row is checked, for as long as the file has no error
/// (a file with an error is stored not at all, so nothing after its first error is handed out). Memory does
/// not grow with the file. After the enumeration, <see cref="Summary"/> tells whether the file is acceptable.
/// </summary>
public sealed class SubmissionReading
{
    private readonly string _fileName;
    private readonly IEnumerable<SheetRow>? _rows;
    private readonly ProblemList _problems;
    private readonly SubmissionContents _output = new(SubmissionReader.MaxValuesListed);
    private readonly SheetInterpreter _interpreter;
    private bool _started;
    private SubmissionSummary? _summary;

    internal SubmissionReading(Plan plan, Department? department, string fileName, IEnumerable<SheetRow>? rows,
        ProblemList problems,
        WorkBudget budget)
    {
        _fileName = fileName;
        _rows = rows;
        _problems = problems;
        Budget = budget;
        _interpreter =
            new SheetInterpreter(new FileReading(plan, department, problems, _output, budget),
                new HeaderVocabulary(plan));
    }

    /// <summary>The work the file may cause and has caused so far (<c>RULES.md §2</c>).</summary>
    internal WorkBudget Budget { get; }

    /// <summary>The valid observations while the file has no error; enumerate once, to the end.</summary>
    public IEnumerable<Observation> Observations => All().Where(_ => !_problems.HasErrors);

    /// <summary>What was read; available once <see cref="Observations"/> has been enumerated to the end.</summary>
    public SubmissionSummary Summary => _summary
        ?? throw new InvalidOperationException("The file has not been read to its end: enumerate Observations first.");

    /// <summary>Reads the rest of the file, handing out nothing more, and returns the summary.</summary>
    public SubmissionSummary Finish()
    {
        if (_summary is null)
        {
            foreach (var observation in All())
            {
                _ = observation;
            }
        }

        return Summary;
    }

    /// <summary>Every valid observation, also after an error (<see cref="SubmissionReader.ReadWhole"/> lists them
    /// all).</summary>
    internal IEnumerable<Observation> All()
    {
        if (_started)
        {
            throw new InvalidOperationException("A file is read once.");
        }

        _started = true;
        if (_rows is not null)
        {
            using var rows = _rows.GetEnumerator();
            while (Next(rows))
            {
                _interpreter.Accept(rows.Current);
                foreach (var observation in _output.Pending)
                {
                    yield return observation;
                }

                _output.Pending.Clear();
            }

            if (!_problems.HasErrors)
            {
                if (!_interpreter.AnyHeader)
                {
                    _problems.Add(HeaderNotFound());
                }
                else if (_output.ObservationCount == 0 && _output.Evaluations.Count == 0
                         && _output.Commentary.Count == 0)
                {
                    _problems.Add(ProblemCatalog.NoValues());
                }
            }
        }

        _summary = new SubmissionSummary(_fileName, Path.GetExtension(_fileName).ToLowerInvariant().TrimStart('.'),
            _output.ObservationCount, _output.Listed, _output.Evaluations, _problems.ToList(), _output.RowsRead,
            _output.RowsSkipped)
        {
            Commentary = _output.Commentary,
            FiscalYears = FiscalYearsOf(_output.FiscalYears),
        };
    }

    private static FiscalYear[] FiscalYearsOf(IReadOnlyList<int> years)
    {
        var fiscalYears = new FiscalYear[years.Count];
        for (var i = 0; i < fiscalYears.Length; i++)
        {
            fiscalYears[i] = new FiscalYear(years[i]);
        }

        return fiscalYears;
    }

    /// <summary>The refusal, naming the headings of the likeliest header row that were not understood.</summary>
    private Problem HeaderNotFound()
    {
        if (_interpreter.Headers.Likeliest is not { } likeliest)
        {
            return ProblemCatalog.HeaderNotFound();
        }

        var unmapped = likeliest.Labels.Where(l => !l.Label.IsKnown && l.Cell.Kind == CellKind.Text).Take(12)
            .Select(l => (ColumnName.Of(l.Cell.Column), l.Cell.Text!, HeaderHint.Nearest(l.Cell.Text!)))
            .ToList();
        return ProblemCatalog.HeaderNotFound(likeliest.Row.Sheet, likeliest.Row.Row, unmapped);
    }

    /// <summary>
    /// Advances the sheet reader, turning a malformed or over-limit file into a located problem
    /// (<see cref="ReadFailure"/>). A failure of our own code is not the file's: it propagates.
    /// </summary>
    private bool Next(IEnumerator<SheetRow> rows)
    {
        try
        {
            return rows.MoveNext();
        }
        catch (Exception e) when (ReadFailure.IsFileProblem(e))
        {
            _problems.Add(ReadFailure.ToProblem(e));
            return false;
        }
    }
}

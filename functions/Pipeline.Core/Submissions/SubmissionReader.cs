using System.Collections.Frozen;
using Pipeline.Core.Catalogue;
using Pipeline.Core.Submissions.Reading;

namespace Pipeline.Core.Submissions;

/// <summary>
/// Interprets a department's file (contract §2): finds each sheet's header row, reads long and wide
/// forms, and checks every row, collecting every problem with its location. Pure: a Stream in,
/// a <see cref="Submission"/> out.
/// </summary>
public sealed class SubmissionReader(Plan plan, ReadLimits limits)
{
    /// <summary>Most problems listed in one report; the rest are counted in a last entry.</summary>
    public const int MaxProblemsListed = 1000;

    private const int HeaderSearchRows = 30;
    private static readonly string[] IgnoredSheetMarks = ["記入例", "説明", "注意"];

    private readonly AreaResolver _areas = new(plan);
    private readonly CatalogueResolver _catalogue = new(plan);

    /// <summary>Whether a sheet is read: sheets named with 記入例, 説明 or 注意 are examples or instructions.</summary>
    public static bool IsDataSheet(string name) => !IgnoredSheetMarks.Any(m => name.Contains(m, StringComparison.Ordinal));

    /// <summary>
    /// Reads a file. The stream must be seekable (see <see cref="SeekableContent"/>). With a
    /// <paramref name="sink"/>, each valid observation is handed to it as it is read, and not kept,
    /// for as long as the file has no error: memory then does not grow with the file.
    /// </summary>
    public Submission Read(Stream content, string fileName, Department? department, Action<Observation>? sink = null)
    {
        var problems = new ProblemList();
        var format = Path.GetExtension(fileName).ToLowerInvariant();
        if (department is null)
        {
            problems.Add(ProblemCatalog.DepartmentUnknown(null));
        }

        if (content.Length > limits.MaxFileBytes)
        {
            problems.Add(ProblemCatalog.FileTooLarge(limits.MaxFileBytes));
            return Empty(fileName, format, problems);
        }

        var rows = Rows(content, fileName, format, problems);
        if (rows is null)
        {
            return Empty(fileName, format, problems);
        }

        var state = new State(this, department, problems, sink);
        using (var enumerator = rows.GetEnumerator())
        {
            while (Next(enumerator, problems))
            {
                state.Accept(enumerator.Current);
            }
        }

        if (!problems.HasErrors)
        {
            if (!state.AnyHeader)
            {
                problems.Add(ProblemCatalog.HeaderNotFound());
            }
            else if (state.ObservationCount == 0 && state.Evaluations.Count == 0)
            {
                problems.Add(ProblemCatalog.NoValues());
            }
        }

        return new Submission(fileName, format.TrimStart('.'), state.Observations, state.Evaluations,
            problems.ToList(), state.RowsRead, state.RowsSkipped, sink is null ? null : state.ObservationCount);
    }

    private static Submission Empty(string fileName, string format, ProblemList problems) =>
        new(fileName, format.TrimStart('.'), [], [], problems.ToList(), 0, 0);

    private IEnumerable<SheetRow>? Rows(Stream content, string fileName, string extension, ProblemList problems)
    {
        content.Position = 0;
        Span<byte> magic = stackalloc byte[8];
        var length = content.ReadAtLeast(magic, 8, throwOnEndOfStream: false);
        content.Position = 0;
        var isZip = length >= 4 && magic[0] == 0x50 && magic[1] == 0x4B && magic[2] == 0x03 && magic[3] == 0x04;
        var isCompound = length >= 8 && magic[..8].SequenceEqual(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 });
        if (length == 0)
        {
            problems.Add(ProblemCatalog.FileUnreadable("ファイルが空です。", "The file is empty."));
            return null;
        }

        switch (extension)
        {
            case ".xlsx" when isZip:
                return XlsxSheetReader.Read(content, IsDataSheet, limits);
            case ".xls" when isCompound:
                return XlsSheetReader.Read(content, IsDataSheet, limits);
            case ".xls" when isZip:
                // An .xlsx saved under an old name: read it for what it is.
                return XlsxSheetReader.Read(content, IsDataSheet, limits);
            case ".csv" when !isZip && !isCompound:
                return CsvSheetReader.Read(content, Path.GetFileNameWithoutExtension(fileName), limits);
            case ".xlsx" or ".xls" or ".csv":
                problems.Add(ProblemCatalog.FileUnreadable(
                    $"中身が {extension} 形式ではありません。", $"The content is not a {extension} file."));
                return null;
            default:
                problems.Add(ProblemCatalog.UnsupportedFormat(fileName));
                return null;
        }
    }

    /// <summary>Advances the reader, turning a broken or over-limit file into a located problem.</summary>
    private static bool Next(IEnumerator<SheetRow> rows, ProblemList problems)
    {
        try
        {
            return rows.MoveNext();
        }
        catch (SpreadsheetReadException e)
        {
            problems.Add(ProblemCatalog.FromReader(e));
        }
        catch (Exception e) when (e is not (OutOfMemoryException or InsufficientExecutionStackException))
        {
            // Whatever a reader library throws on an untrusted file (XmlException, InvalidDataException,
            // OpenXmlPackageException, ExcelReaderException, …) means the file cannot be read: the report
            // says so, with the exception's type and message. The rules below run outside this try.
            problems.Add(ProblemCatalog.FileUnreadable("壊れているか、対応していない形式です。",
                $"It is corrupt or of an unsupported kind ({e.GetType().Name}: {ProblemCatalog.Quote(e.Message)})."));
        }

        return false;
    }

    private sealed class State(SubmissionReader reader, Department? department, ProblemList problems, Action<Observation>? sink)
    {
        // Keys already given, packed into 64 bits (indicator and area by their catalogue position, FY, month):
        // exact, and about 20 bytes a row, so a million-row file does not need a million tuples of strings.
        private readonly Dictionary<long, int> _seenObservations = [];
        private readonly Dictionary<(string, FiscalYear), int> _seenEvaluations = [];

        // Department files repeat the same few texts (ids, years, wards) on every row: each distinct
        // text is interpreted once per file.
        private readonly Dictionary<string, Indicator?> _indicators = new(StringComparer.Ordinal);
        private readonly Dictionary<string, FiscalYear?> _fiscalYears = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Area?> _areaTexts = new(StringComparer.Ordinal);
        private readonly List<Cell> _indicatorCells = [];

        private static bool IsNote(string text)
        {
            var trimmed = text.AsSpan().TrimStart();
            return trimmed.Length > 0 && trimmed[0] is '※' or '注';
        }
        private string? _sheet;
        private int _sheetFirstRow;
        private HeaderMap? _header;

        public List<Observation> Observations { get; } = [];
        public List<Evaluation> Evaluations { get; } = [];
        public int ObservationCount { get; private set; }

        public int RowsRead { get; private set; }
        public int RowsSkipped { get; private set; }
        public bool AnyHeader { get; private set; }

        public void Accept(SheetRow row)
        {
            if (row.Sheet != _sheet)
            {
                _sheet = row.Sheet;
                _sheetFirstRow = row.Row;
                _header = null;
            }

            if (_header is null)
            {
                if (row.Row - _sheetFirstRow < HeaderSearchRows)
                {
                    _header = HeaderMap.TryDetect(row);
                    AnyHeader |= _header is not null;
                }

                return;
            }

            var first = default(Cell);
            foreach (var cell in row.Cells)
            {
                if (!cell.IsBlank)
                {
                    first = cell;
                    break;
                }
            }

            if (first.Kind == CellKind.Empty)
            {
                return;
            }

            RowsRead++;
            if (first.Kind == CellKind.Text && IsNote(first.Text!))
            {
                RowsSkipped++;
                return;
            }

            foreach (var column in _header.InitiativeColumns)
            {
                if (row[column] is { IsBlank: false } initiativeCell)
                {
                    EvaluationRow(row, _header, initiativeCell);
                    return;
                }
            }

            _indicatorCells.Clear();
            foreach (var column in _header.IndicatorColumns)
            {
                if (row[column] is { IsBlank: false } cell)
                {
                    _indicatorCells.Add(cell);
                }
            }

            var indicatorCells = _indicatorCells;
            if (indicatorCells.Count == 0)
            {
                problems.Add(ProblemCatalog.IndicatorMissing(At(row, _header.IndicatorColumns.FirstOrDefault())));
                return;
            }

            IndicatorRow(row, _header, indicatorCells);
        }

        private void IndicatorRow(SheetRow row, HeaderMap header, List<Cell> indicatorCells)
        {
            Indicator? indicator = null;
            foreach (var cell in indicatorCells)
            {
                var text = cell.Display;
                if (!_indicators.TryGetValue(text, out indicator))
                {
                    indicator = reader._catalogue.Indicator(cell);
                    _indicators[text] = indicator;
                }

                if (indicator is not null)
                {
                    break;
                }
            }

            if (indicator is null)
            {
                problems.Add(ProblemCatalog.UnknownIndicator(At(row, indicatorCells[0].Column), indicatorCells[0].Display));
                return;
            }

            var column = indicatorCells[0].Column;
            if (department is not null && !Plan.MaySubmit(department, indicator))
            {
                problems.Add(ProblemCatalog.NotOwner(At(row, column), indicator.Id, department.Id));
                return;
            }

            var areaCell = header.Area > 0 ? row[header.Area] : default;
            if (!ResolveArea(areaCell, out var area))
            {
                problems.Add(ProblemCatalog.AreaUnrecognised(At(row, header.Area), areaCell.Display));
                return;
            }

            var monthCell = header.Month > 0 ? row[header.Month] : default;
            if (!MonthParser.TryParse(monthCell, out var month))
            {
                problems.Add(ProblemCatalog.MonthUnrecognised(At(row, header.Month), monthCell.Display));
                return;
            }

            var note = header.Note > 0 && !row[header.Note].IsBlank ? row[header.Note].Display : null;
            if (header.IsWide)
            {
                foreach (var (yearColumn, fiscalYear) in header.YearColumns)
                {
                    if (InPlan(row, yearColumn, fiscalYear, indicator.Baseline.FiscalYear))
                    {
                        Value(row, indicator, fiscalYear, area, month, row[yearColumn], default, default, note);
                    }
                }

                return;
            }

            if (FiscalYearOf(row, header) is { } fy && InPlan(row, header.FiscalYear, fy, indicator.Baseline.FiscalYear))
            {
                Value(row, indicator, fy, area, month, row[header.Value],
                    header.Numerator > 0 ? row[header.Numerator] : default,
                    header.Denominator > 0 ? row[header.Denominator] : default, note);
            }
        }

        private void Value(SheetRow row, Indicator indicator, FiscalYear fy, Area area, int? month, Cell valueCell, Cell numeratorCell, Cell denominatorCell, string? note)
        {
            var at = At(row, valueCell.Column > 0 ? valueCell.Column : 0);
            var outcome = ValueParser.Parse(valueCell, indicator.Unit, out var value);
            decimal? numerator = null, denominator = null;
            if (!numeratorCell.IsBlank || !denominatorCell.IsBlank)
            {
                var ratioAt = At(row, numeratorCell.IsBlank ? denominatorCell.Column : numeratorCell.Column);
                if (indicator.Kind != IndicatorKind.Ratio)
                {
                    problems.Add(ProblemCatalog.RatioNotApplicable(ratioAt));
                    return;
                }

                if (ValueParser.Parse(numeratorCell, null, out var n) != ValueOutcome.Number
                    || ValueParser.Parse(denominatorCell, null, out var d) != ValueOutcome.Number)
                {
                    problems.Add(ProblemCatalog.RatioIncomplete(ratioAt));
                    return;
                }

                if (d <= 0 || n < 0)
                {
                    problems.Add(ProblemCatalog.DenominatorZero(ratioAt));
                    return;
                }

                var computed = Math.Round(100m * n / d, 1, MidpointRounding.AwayFromZero);
                if (outcome == ValueOutcome.Number && Math.Abs(value - computed) > 0.05m)
                {
                    problems.Add(ProblemCatalog.RatioMismatch(at, value, computed));
                    return;
                }

                (numerator, denominator, value, outcome) = (n, d, outcome == ValueOutcome.Number ? value : computed, ValueOutcome.Number);
            }

            switch (outcome)
            {
                case ValueOutcome.NoValue:
                    problems.Add(ProblemCatalog.ValueMissing(at));
                    RowsSkipped++;
                    return;
                case ValueOutcome.NotNumeric:
                    problems.Add(ProblemCatalog.ValueNotNumeric(at, valueCell.Display));
                    return;
                case ValueOutcome.FormulaWithoutValue:
                    problems.Add(ProblemCatalog.FormulaWithoutValue(at));
                    return;
                case ValueOutcome.CellError:
                    problems.Add(ProblemCatalog.CellError(at, valueCell.Display));
                    return;
            }

            if (indicator.Unit.IsPercent && value is < 0 or > 100)
            {
                problems.Add(ProblemCatalog.PercentOutOfRange(at, value));
                return;
            }

            if (!indicator.Unit.IsPercent && value < 0)
            {
                problems.Add(ProblemCatalog.ValueNegative(at, value));
                return;
            }

            if (!indicator.Unit.IsPercent && value != decimal.Truncate(value))
            {
                problems.Add(ProblemCatalog.CountNotInteger(at, value, indicator.Unit.Symbol));
                return;
            }

            var key = reader.ObservationKey(indicator, fy, area, month);
            if (_seenObservations.TryGetValue(key, out var firstRow))
            {
                problems.Add(ProblemCatalog.DuplicateRow(at, firstRow));
                return;
            }

            _seenObservations[key] = row.Row;
            var observation = new Observation(indicator.Id, fy, area.Code, month, value, numerator, denominator, note,
                new SourceLocation(row.Sheet, row.Row, at.Column));
            ObservationCount++;
            if (sink is null)
            {
                Observations.Add(observation);
            }
            else if (!problems.HasErrors)
            {
                // Once the file has an error it will not be stored: nothing more goes to the sink.
                sink(observation);
            }
        }

        private void EvaluationRow(SheetRow row, HeaderMap header, Cell initiativeCell)
        {
            var initiative = header.InitiativeColumns.Select(c => row[c]).Where(c => !c.IsBlank)
                .Select(reader._catalogue.Initiative).FirstOrDefault(i => i is not null);
            if (initiative is null)
            {
                problems.Add(ProblemCatalog.UnknownInitiative(At(row, initiativeCell.Column), initiativeCell.Display));
                return;
            }

            if (department is not null && !Plan.MayEvaluate(department, initiative))
            {
                problems.Add(ProblemCatalog.NotOwner(At(row, initiativeCell.Column), initiative.Id, department.Id));
                return;
            }

            var comment = header.Note > 0 && !row[header.Note].IsBlank ? row[header.Note].Display : null;
            if (header.IsWide)
            {
                foreach (var (yearColumn, fiscalYear) in header.YearColumns)
                {
                    if (!row[yearColumn].IsBlank && InPlan(row, yearColumn, fiscalYear, reader.PlanStart))
                    {
                        Rate(row, initiative, fiscalYear, row[yearColumn], comment);
                    }
                }

                return;
            }

            if (FiscalYearOf(row, header) is { } fy && InPlan(row, header.FiscalYear, fy, reader.PlanStart))
            {
                Rate(row, initiative, fy, header.Rating > 0 ? row[header.Rating] : default, comment);
            }
        }

        private void Rate(SheetRow row, Initiative initiative, FiscalYear fy, Cell ratingCell, string? comment)
        {
            var at = At(row, ratingCell.Column);
            if (!RatingParser.TryParse(ratingCell, out var rating))
            {
                problems.Add(ProblemCatalog.RatingUnrecognised(at, ratingCell.Display));
                return;
            }

            if (_seenEvaluations.TryGetValue((initiative.Id, fy), out var firstRow))
            {
                problems.Add(ProblemCatalog.DuplicateRow(at, firstRow));
                return;
            }

            _seenEvaluations[(initiative.Id, fy)] = row.Row;
            Evaluations.Add(new Evaluation(initiative.Id, fy, rating, comment, new SourceLocation(row.Sheet, row.Row, at.Column)));
        }

        private FiscalYear? FiscalYearOf(SheetRow row, HeaderMap header)
        {
            var cell = row[header.FiscalYear];
            if (cell.IsBlank)
            {
                problems.Add(ProblemCatalog.FiscalYearMissing(At(row, header.FiscalYear)));
                return null;
            }

            FiscalYear? fy;
            if (cell.Kind == CellKind.Text)
            {
                if (!_fiscalYears.TryGetValue(cell.Text!, out fy))
                {
                    fy = FiscalYearParser.TryParse(cell, out var parsed) ? parsed : null;
                    _fiscalYears[cell.Text!] = fy;
                }
            }
            else
            {
                fy = FiscalYearParser.TryParse(cell, out var parsed) ? parsed : null;
            }

            if (fy is null)
            {
                problems.Add(ProblemCatalog.FiscalYearUnrecognised(At(row, header.FiscalYear), cell.Display));
            }

            return fy;
        }

        private bool ResolveArea(Cell cell, out Area area)
        {
            if (cell.Kind != CellKind.Text || cell.Text is null)
            {
                return reader._areas.TryResolve(cell, out area);
            }

            if (!_areaTexts.TryGetValue(cell.Text, out var cached))
            {
                cached = reader._areas.TryResolve(cell, out var resolved) ? resolved : null;
                _areaTexts[cell.Text] = cached;
            }

            area = cached!;
            return cached is not null;
        }

        private bool InPlan(SheetRow row, int column, FiscalYear fy, FiscalYear first)
        {
            if (fy >= first && fy <= reader.PlanEnd)
            {
                return true;
            }

            problems.Add(ProblemCatalog.FiscalYearOutOfPlan(At(row, column), fy.Value, first.Value, reader.PlanEnd.Value));
            return false;
        }

        private static SourceLocation At(SheetRow row, int column) => new(row.Sheet, row.Row, column);
    }

    private FiscalYear PlanStart => plan.StartFiscalYear;

    private readonly System.Collections.Frozen.FrozenDictionary<string, int> _indicatorPositions =
        plan.Indicators.Select((indicator, i) => (indicator.Id, i)).ToFrozenDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

    private readonly System.Collections.Frozen.FrozenDictionary<string, int> _areaPositions =
        plan.Wards.Prepend(plan.WholeCity).Select((area, i) => (area.Code, i)).ToFrozenDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);

    /// <summary>indicator position (24 bits) · fiscal year (16) · area position (16) · month (8).</summary>
    private long ObservationKey(Indicator indicator, FiscalYear fy, Area area, int? month) =>
        ((long)_indicatorPositions[indicator.Id] << 40) | ((long)(ushort)fy.Value << 24) | ((long)(ushort)_areaPositions[area.Code] << 8) | (byte)(month ?? 0);

    private FiscalYear PlanEnd => plan.EndFiscalYear;

    /// <summary>Problems in file order, at most <see cref="MaxProblemsListed"/> listed.</summary>
    private sealed class ProblemList
    {
        private readonly List<Problem> _problems = [];
        private int _unlisted;

        public bool HasErrors { get; private set; }

        public void Add(Problem problem)
        {
            HasErrors |= problem.Severity == Severity.Error;
            // File-level problems (a broken file, a limit reached) are always listed: they end the reading.
            if (_problems.Count < MaxProblemsListed || problem.Row is null || IsReaderProblem(problem))
            {
                _problems.Add(problem);
            }
            else
            {
                _unlisted++;
            }
        }

        private static bool IsReaderProblem(Problem problem) =>
            problem.Code is "too_many_rows" or "too_many_columns" or "cell_too_long" or "file_unreadable" or "file_too_large";

        public List<Problem> ToList()
        {
            var list = new List<Problem>(_problems);
            if (_unlisted > 0)
            {
                list.Add(new Problem(HasErrors ? Severity.Error : Severity.Warning, "problems_truncated", null, null, null,
                    $"ほかに {_unlisted:N0} 件の指摘があります（最初の {MaxProblemsListed:N0} 件のみ表示）。",
                    $"{_unlisted:N0} more problems were found (only the first {MaxProblemsListed:N0} are listed)."));
            }

            return list;
        }
    }
}

/// <summary>Reads a rating: A–D (any width or case) or its words 順調, 概ね順調, 遅れ, 未着手.</summary>
public static class RatingParser
{
    public static bool TryParse(Cell cell, out Rating rating)
    {
        var text = JapaneseText.Key(cell.Display);
        (var ok, rating) = text switch
        {
            "a" or "順調" or "a順調" or "a:順調" => (true, Rating.A),
            "b" or "概ね順調" or "おおむね順調" or "b概ね順調" or "b:概ね順調" => (true, Rating.B),
            "c" or "遅れ" or "c遅れ" or "c:遅れ" => (true, Rating.C),
            "d" or "未着手" or "d未着手" or "d:未着手" => (true, Rating.D),
            _ => (false, Rating.A),
        };
        return ok;
    }
}

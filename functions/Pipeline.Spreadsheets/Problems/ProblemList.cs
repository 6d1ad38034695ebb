using Pipeline.Domain.Problems;
namespace Pipeline.Spreadsheets.Problems;

/// <summary>
/// The problems of one file in file order, at most <c>listed</c> (<c>SubmissionReader.MaxProblemsListed</c>)
/// listed and the rest counted in a last entry (<c>RULES.md §2</c>). File-level problems are always listed.
/// </summary>
internal sealed class ProblemList(int listed)
{
    private readonly List<Problem> _problems = [];
    private int _unlisted;

    public bool HasErrors { get; private set; }

    public void Add(Problem problem)
    {
        HasErrors |= problem.Severity == Severity.Error;
        // File-level problems (a broken file, a limit reached) are always listed: they end the reading.
        if (_problems.Count < listed || problem.Row is null || IsReaderProblem(problem))
        {
            _problems.Add(problem);
        }
        else
        {
            _unlisted++;
        }
    }

    private static bool IsReaderProblem(Problem problem) =>
        problem.Code is ProblemCode.TooManyRows or ProblemCode.TooManyColumns or ProblemCode.CellTooLong
            or ProblemCode.FileUnreadable or ProblemCode.FileTooLarge;

    public List<Problem> ToList()
    {
        var list = new List<Problem>(_problems);
        if (_unlisted > 0)
        {
            list.Add(
                new Problem(HasErrors ? Severity.Error : Severity.Warning, ProblemCode.ProblemsTruncated, null, null,
                    null,
                $"ほかに {_unlisted:N0} 件の指摘があります（最初の {listed:N0} 件のみ表示）。",
                $"{_unlisted:N0} more problems were found (only the first {listed:N0} are listed)."));
        }

        return list;
    }
}

using Pipeline.Domain.Observations;
namespace Pipeline.Spreadsheets.Rows;

/// <summary>
/// What one reading of a file has produced so far: the valid observations of the current row (taken by the
/// reading as soon as the row is done), every evaluation, the counts, and the first values listed for the
/// report (<c>RULES.md §2</c>: up to <c>listed</c>, <c>SubmissionReader.MaxValuesListed</c>).
/// </summary>
internal sealed class ReadOutput(int listed)
{
    public List<Observation> Pending { get; } = [];

    public List<Evaluation> Evaluations { get; } = [];

    public List<Observation> Listed { get; } = [];

    public int ObservationCount { get; private set; }

    public int RowsRead { get; set; }

    public int RowsSkipped { get; set; }

    public void Add(Observation observation)
    {
        ObservationCount++;
        Pending.Add(observation);
        if (Listed.Count < listed)
        {
            Listed.Add(observation);
        }
    }
}

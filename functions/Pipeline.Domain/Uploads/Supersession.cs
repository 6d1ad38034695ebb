namespace Pipeline.Domain.Uploads;

/// <summary>
/// Which upload's value stands when several give one for the same key (indicator / FY / area / month,
/// or initiative / FY): the latest blob creation time wins, whatever order the uploads were processed in.
/// Creation times have one-second resolution; within one second the greater upload id decides.
/// </summary>
public static class Supersession
{
    /// <summary>Orders uploads from the earliest to the one that stands.</summary>
    public static readonly IComparer<(DateTimeOffset CreatedOn, string UploadId)> Order = new UploadOrder();

    /// <summary>The candidate that stands: the one from the latest upload.</summary>
    public static T Current<T>(IEnumerable<T> candidates, Func<T, (DateTimeOffset CreatedOn, string UploadId)> upload) =>
        candidates.MaxBy(upload, Order) ?? throw new ArgumentException("No candidate to choose from.", nameof(candidates));

    private sealed class UploadOrder : IComparer<(DateTimeOffset CreatedOn, string UploadId)>
    {
        public int Compare((DateTimeOffset CreatedOn, string UploadId) x, (DateTimeOffset CreatedOn, string UploadId) y)
        {
            var byTime = x.CreatedOn.CompareTo(y.CreatedOn);
            return byTime != 0 ? byTime : string.CompareOrdinal(x.UploadId, y.UploadId);
        }
    }
}

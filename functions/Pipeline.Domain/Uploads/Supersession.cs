namespace Pipeline.Domain.Uploads;

/// <summary>
/// RULES.md §2, latest received wins: which upload's value stands when several give one for the same key
/// (indicator / FY / area / month, or initiative / FY), whatever order they were processed in, and which upload a
/// new one merely repeats.
/// </summary>
public static class Supersession
{
    /// <summary>
    /// The rows of one key from committed uploads in the order the uploads were received, each with the row standing
    /// before it. A duplicate's row that gives what already stands (<paramref name="same"/>) is left out: a duplicate
    /// changes nothing. It stands only where it differs, which happens when an upload received between it and the
    /// upload it repeats was processed after it; then, received last, it wins.
    /// </summary>
    public static IReadOnlyList<(T? Before, T Row)> Succession<T>(
        IEnumerable<T> rows, CommittedUploads uploads, Func<T, UploadOrder> order, Func<T, T, bool> same)
        where T : class
    {
        var steps = new List<(T? Before, T Row)>();
        Succession(rows, uploads, order, same, steps);
        return steps;
    }

    /// <summary>
    /// <see cref="Succession{T}(IEnumerable{T}, CommittedUploads, Func{T, UploadOrder}, Func{T, T, bool})"/> into
    /// <paramref name="steps"/>, cleared first: one list for every key of a plan's rows, where each key's own list and
    /// iterator were 100,000 of each a night for a large plan (issue 27).
    /// </summary>
    public static void Succession<T>(IEnumerable<T> rows, CommittedUploads uploads, Func<T, UploadOrder> order,
        Func<T, T, bool> same, List<(T? Before, T Row)> steps)
        where T : class
    {
        steps.Clear();
        if (Single(rows) is { } single)
        {
            if (uploads.Contains(order(single).Id))
            {
                steps.Add((null, single));
            }

            return;
        }

        T? standing = null;
        foreach (var row in Received(rows, uploads, order))
        {
            if (!Repeats(standing, row, uploads, order, same))
            {
                steps.Add((standing, row));
                standing = row;
            }
        }
    }

    /// <summary>
    /// The row that stands for one key (the last of its succession), or null where no committed upload gives one.
    /// </summary>
    public static T? Standing<T>(
        IEnumerable<T> rows, CommittedUploads uploads, Func<T, UploadOrder> order, Func<T, T, bool> same)
        where T : class
    {
        if (Single(rows) is { } single)
        {
            return uploads.Contains(order(single).Id) ? single : null;
        }

        T? standing = null;
        foreach (var row in Received(rows, uploads, order))
        {
            if (!Repeats(standing, row, uploads, order, same))
            {
                standing = row;
            }
        }

        return standing;
    }

    /// <summary>The one row of a key that has one, as most have; null where it has more or none.</summary>
    private static T? Single<T>(IEnumerable<T> rows)
        where T : class =>
        rows is IList<T> { Count: 1 } one ? one[0] : null;

    /// <summary>A duplicate's row that gives what already stands: it changes nothing and is left out.</summary>
    private static bool Repeats<T>(
        T? standing, T row, CommittedUploads uploads, Func<T, UploadOrder> order, Func<T, T, bool> same)
        where T : class =>
        standing is not null && uploads.IsDuplicate(order(row).Id) && same(standing, row);

    /// <summary>
    /// The rows of committed uploads in the order their uploads were received; rows of one upload keep their order.
    /// A key has a few rows (one per upload that gave it; most keys have one, which the callers take as it is), and
    /// this runs for each key with more: an insertion sort into one array, where a LINQ OrderBy made nine objects a
    /// key, 100,000 keys a night for a large plan (issue 27).
    /// </summary>
    private static ReadOnlySpan<T> Received<T>(IEnumerable<T> rows, CommittedUploads uploads,
        Func<T, UploadOrder> order)
        where T : class
    {
        // A key's rows are a grouping, which lists them: read by index, without an enumerator.
        var list = rows as IList<T> ?? [.. rows];
        var received = new T[list.Count];
        var n = 0;
        for (var next = 0; next < list.Count; next++)
        {
            var row = list[next];
            var at = order(row);
            if (!uploads.Contains(at.Id))
            {
                continue;
            }

            // After every row received at or before it: stable, as OrderBy was.
            var i = n;
            while (i > 0 && order(received[i - 1]).CompareTo(at) > 0)
            {
                received[i] = received[i - 1];
                i--;
            }

            received[i] = row;
            n++;
        }

        return received.AsSpan(0, n);
    }

    /// <summary>
    /// The upload that <paramref name="upload"/> repeats, which makes it a duplicate: the committed upload of the same
    /// department received nearest before it, where its content is identical; else (the upload is processed after a
    /// later one) the committed upload received nearest after it, where identical: of two identical uploads in a
    /// row, one is a duplicate whichever is processed first. Content identical to an
    /// older upload that something else has followed since is not a repeat: that upload is new, and wins again.
    /// </summary>
    /// <param name="upload">The upload being committed (its content read).</param>
    /// <param name="department">The records of its department (any status; only committed ones are looked at).</param>
    public static UploadRecord? Repeated(UploadRecord upload, IEnumerable<UploadRecord> department)
    {
        if (upload.Sha256 is null)
        {
            return null;
        }

        var others = department.Where(r => r.Committed && r.UploadId != upload.UploadId).ToList();
        var before = others.Where(r => r.Order < upload.Order).MaxBy(r => r.Order);
        if (before is not null && before.Sha256 == upload.Sha256)
        {
            return before;
        }

        var after = others.Where(r => r.Order > upload.Order).MinBy(r => r.Order);
        return after?.Sha256 == upload.Sha256 ? after : null;
    }
}

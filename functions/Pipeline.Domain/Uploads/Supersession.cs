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
    public static IEnumerable<(T? Before, T Row)> Succession<T>(
        IEnumerable<T> rows, CommittedUploads uploads, Func<T, UploadOrder> order, Func<T, T, bool> same)
        where T : class
    {
        T? standing = null;
        foreach (var row in rows.Where(r => uploads.Contains(order(r).Id)).OrderBy(order))
        {
            if (standing is not null && uploads.IsDuplicate(order(row).Id) && same(standing, row))
            {
                continue;
            }

            yield return (standing, row);
            standing = row;
        }
    }

    /// <summary>
    /// The row that stands for one key (the last of <see cref="Succession"/>), or null where no committed upload
    /// gives one.
    /// </summary>
    public static T? Standing<T>(
        IEnumerable<T> rows, CommittedUploads uploads, Func<T, UploadOrder> order, Func<T, T, bool> same)
        where T : class =>
        Succession(rows, uploads, order, same).LastOrDefault().Row;

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

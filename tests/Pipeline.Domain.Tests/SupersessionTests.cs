using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Uploads;
using Pipeline.Testing;

namespace Pipeline.Domain.Tests;

/// <summary>
/// RULES.md §2 on one key's rows, as <see cref="Supersession"/> puts them in order without LINQ (issue 27): checked
/// against the rule written the plain way (committed rows, stably ordered by when their uploads were received, a
/// duplicate's row that repeats what stands left out), on keys of one row and of many, with rows of uncommitted
/// uploads, rows given twice by one upload and rows arriving in any order.
/// </summary>
public sealed class SupersessionTests
{
    private static readonly DateTimeOffset Second = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly CommittedUploads Uploads = new(
    [
        AcceptedUploads.Record("u1", "shakyo", Second),
        AcceptedUploads.Record("u2", "shakyo", Second.AddSeconds(1)),
        AcceptedUploads.Duplicate("u3", "u2", "shakyo", Second.AddSeconds(2)),
        AcceptedUploads.Record("u4", "shakyo", Second.AddSeconds(3)),
    ]);

    private static readonly string[] Ids = ["u1", "u2", "u3", "u4", "gone"];

    [Fact]
    public void Every_key_stands_and_succeeds_as_the_rule_says_whatever_order_its_rows_come_in()
    {
        var random = new Random(27);
        var steps = new List<(StoredObservation? Before, StoredObservation Row)> { (null, Row("u1", 1)) };
        var keys = 0;
        for (var key = 0; key < 2000; key++)
        {
            // One row (most keys) up to six, from any upload, a value from a small set so repeats happen.
            var rows = Enumerable.Range(0, key % 3 == 0 ? 1 + random.Next(6) : 1)
                .Select(_ => Row(Ids[random.Next(Ids.Length)], random.Next(3)))
                .ToList();
            var expected = Expected(rows);

            Supersession.Succession(rows, Uploads, o => o.Order, (a, b) => a.SameAs(b), steps);
            Assert.Equal(expected, steps);
            Assert.Equal(expected, Supersession.Succession(rows, Uploads, o => o.Order, (a, b) => a.SameAs(b)));
            Assert.Same(expected.LastOrDefault().Row,
                Supersession.Standing(rows, Uploads, o => o.Order, (a, b) => a.SameAs(b)));
            // The same rows as a sequence that is not a list.
            Assert.Same(expected.LastOrDefault().Row,
                Supersession.Standing(rows.Select(r => r), Uploads, o => o.Order, (a, b) => a.SameAs(b)));
            keys += expected.Count > 1 ? 1 : 0;
        }

        // Enough keys with a real succession for the comparison to mean something.
        Assert.True(keys > 100, $"{keys} keys with more than one standing row");
    }

    /// <summary>The rule, written the plain way.</summary>
    private static List<(StoredObservation? Before, StoredObservation Row)> Expected(List<StoredObservation> rows)
    {
        var result = new List<(StoredObservation? Before, StoredObservation Row)>();
        StoredObservation? standing = null;
        foreach (var row in rows.Where(r => Uploads.Contains(r.UploadId)).OrderBy(r => r.Order))
        {
            if (standing is not null && Uploads.IsDuplicate(row.UploadId) && standing.SameAs(row))
            {
                continue;
            }

            result.Add((standing, row));
            standing = row;
        }

        return result;
    }

    private static StoredObservation Row(string upload, int value) =>
        new("I-1-K2", new FiscalYear(2024), "431001", 4, value, null, null, UploadId.Parse(upload),
            Second.AddSeconds(Array.IndexOf(Ids, upload)));
}

using System.Text.Json;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Json;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Rollup;
using Pipeline.Domain.Uploads;
using Pipeline.Testing;

namespace Pipeline.Domain.Tests;

/// <summary>
/// RULES.md §2, latest received wins: what identifies an upload, its order, what a duplicate is, which value stands.
/// </summary>
public sealed class UploadIdentityRuleTests
{
    private static readonly DateTimeOffset Second = new(2026, 4, 1, 3, 12, 45, TimeSpan.Zero);

    private static UploadPath Path(string blobName) => UploadPath.Parse(blobName, BuiltInPlans.Default.Id);

    [Fact]
    public void The_same_version_is_the_same_upload_and_an_overwrite_of_the_name_a_new_one()
    {
        var path = Path("shakyo/実績.csv");
        var content = Sha256.Of([1, 2, 3]);
        var id = UploadId.Of(path, new ReceivedVersion("\"0x8D1\"", Second), content);
        Assert.Equal(id, UploadId.Of(path, new ReceivedVersion("\"0x8D1\"", Second), content)); // a redelivery
        // The same bytes written again: another version.
        Assert.NotEqual(id, UploadId.Of(path, new ReceivedVersion("\"0x8D2\"", Second), content));
        Assert.NotEqual(id, UploadId.Of(path, new ReceivedVersion("\"0x8D1\"", Second), Sha256.Of([1, 2, 4])));
        Assert.Matches("^20260401T0312450000000Z-[0-9a-f]{12}$", id.Value);
        Assert.Equal(id, UploadId.Parse(id.Value));
    }

    [Fact]
    public void The_received_time_is_the_version_ids_else_the_last_modified_second_refined_by_the_servers_receipt()
    {
        var folder = UploadFolder.New(Second.AddMilliseconds(734.5));
        var stamped = UploadPath.New(PlanId.Parse("kumamoto-welfare-4"), DepartmentId.Parse("shakyo"), folder, "実績.csv");
        Assert.Equal(Second.AddMilliseconds(734.5), new ReceivedVersion("e", Second).ReceivedAt(stamped));
        // A stamp of another second (a folder written again later by another tool, or a forged one) is not used.
        Assert.Equal(Second.AddSeconds(5), new ReceivedVersion("e", Second.AddSeconds(5)).ReceivedAt(stamped));
        Assert.Equal(Second, new ReceivedVersion("e", Second.AddMilliseconds(999)).ReceivedAt(Path("shakyo/a.csv")));
        // With blob versioning, the version id: storage's own time to 100 ns.
        var versioned = new ReceivedVersion("e", Second, "2026-04-01T03:12:45.1234567Z");
        Assert.Equal(Second.AddTicks(1_234_567), versioned.ReceivedAt(stamped));
    }

    [Theory]
    [InlineData("kumamoto-welfare-4/shakyo/20260401T0312457345000Z-0a1b2c/R6 実績.xlsx", "shakyo", "R6 実績.xlsx", true)]
    [InlineData("shakyo/20260401T0312457345000Z-0a1b2c/R6.xlsx", "shakyo", "R6.xlsx", true)]
    [InlineData("kumamoto-welfare-4/shakyo/R6.xlsx", "shakyo", "R6.xlsx", false)]
    [InlineData("shakyo/R6.xlsx", "shakyo", "R6.xlsx", false)]
    [InlineData("shakyo/2024/R6.xlsx", "shakyo", "R6.xlsx", false)]
    [InlineData("shakyo/20260401T0312457345000Z-0A1B2C/R6.xlsx", "shakyo", "R6.xlsx", false)]
    public void A_path_is_read_once_with_its_department_file_name_and_own_folder(
        string blobName, string department, string fileName, bool folder)
    {
        var path = Path(blobName);
        Assert.Equal((true, department, fileName, folder),
            (path.IsValid, path.Department.Name, path.FileName, path.Folder is not null));
        Assert.Equal(PlanId.Parse("kumamoto-welfare-4"), path.PlanId);
    }

    [Fact]
    public void Ids_and_hashes_are_written_and_read_as_the_plain_strings_they_were()
    {
        var id = UploadId.Parse("20250601T0000000000000Z-aaaaaaaaaaaa");
        Assert.Equal("\"20250601T0000000000000Z-aaaaaaaaaaaa\"", JsonSerializer.Serialize(id));
        Assert.Equal(id, JsonSerializer.Deserialize<UploadId>("\"20250601T0000000000000Z-aaaaaaaaaaaa\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<UploadId>("\"../x\""));
        Assert.False(UploadId.TryParse("a/b", out _));
        Assert.False(Sha256.TryParse("xyz", out _));
        Assert.Equal(new string('a', 64), Sha256.Parse(new string('A', 64)).Value);
        var converter = typeof(Sha256).GetCustomAttributes(false).OfType<System.Text.Json.Serialization.JsonConverterAttribute>();
        Assert.Equal(typeof(StringValueJsonConverter<Sha256>), converter.Single().ConverterType);
    }

    private static UploadRecord Upload(string id, int second, byte content) =>
        AcceptedUploads.Record(id, "shakyo", Second.AddSeconds(second)) with { Sha256 = Sha256.Of([content]) };

    [Fact]
    public void A_duplicate_repeats_the_committed_upload_just_before_it_and_A_B_A_is_no_duplicate()
    {
        var a = Upload("a", 0, 1);
        var b = Upload("b", 1, 2);
        Assert.Equal(a, Supersession.Repeated(Upload("a2", 1, 1), [a]));
        Assert.Null(Supersession.Repeated(Upload("a3", 2, 1), [a, b])); // A, B, A again: a new upload
        // Processed after a later identical one: of the two in a row, one is the duplicate.
        var early = Upload("b0", 0, 2) with { ReceivedAt = Second.AddMilliseconds(500) };
        Assert.Equal(b, Supersession.Repeated(early, [a, b]));
        // Only committed uploads count: a rejected one is nothing to repeat.
        var rejected = Upload("r", 2, 1) with { Status = UploadStatus.Rejected };
        Assert.Null(Supersession.Repeated(Upload("a4", 3, 1), [a, b, rejected]));
    }

    [Fact]
    public void A_duplicates_rows_stand_only_where_they_differ_from_what_stands_before_them()
    {
        StoredObservation Row(string upload, int second, decimal value) =>
            new("I-1-K2", new FiscalYear(2021), "431001", null, value, null, null, UploadId.Parse(upload),
                Second.AddSeconds(second));

        var a = AcceptedUploads.Record("a", "shakyo", Second);
        var b = AcceptedUploads.Record("b", "shakyo", Second.AddSeconds(1));
        var repeat = AcceptedUploads.Duplicate("a2", "a", "shakyo", Second.AddSeconds(2));
        // The repeat right after A: nothing changes, not even which upload the value is traced to.
        var quiet = new CommittedUploads([a, repeat]);
        var standing = Assert.Single(FiscalYearRollup.Current([Row("a", 0, 5), Row("a2", 2, 5)], quiet));
        Assert.Equal("a", standing.UploadId.Value);
        Assert.Empty(RevisionHistory.Of([Row("a", 0, 5), Row("a2", 2, 5)], quiet));
        // B, received between them, processed last: the repeat, received last, wins, and each change is a revision.
        var late = new CommittedUploads([a, b, repeat]);
        StoredObservation[] rows = [Row("a", 0, 5), Row("a2", 2, 5), Row("b", 1, 7)];
        Assert.Equal("a2", Assert.Single(FiscalYearRollup.Current(rows, late)).UploadId.Value);
        Assert.Equal([("a", "b"), ("b", "a2")],
            RevisionHistory.Of(rows, late).Select(r => (r.Previous.UploadId.Value, r.Current.UploadId.Value)));
        foreach (var (given, uploads) in new[] { (rows, late), ([Row("a", 0, 5), Row("a2", 2, 5)], quiet) })
        {
            var (current, revisions) = RevisionHistory.Trace(given, uploads);
            Assert.Equal(FiscalYearRollup.Current(given, uploads), current);
            Assert.Equal(RevisionHistory.Of(given, uploads), revisions);
        }
    }

    [Fact]
    public void Tracing_a_history_once_gives_the_standing_rows_and_the_revisions_in_the_order_each_gives_them()
    {
        // Three uploads restating keys of two indicators, years, areas and months in turn; one confirms a value, one
        // makes a provisional figure final, one is a duplicate and one is not committed at all.
        var uploads = new CommittedUploads(
        [
            AcceptedUploads.Record("u1", "shakyo", Second),
            AcceptedUploads.Record("u2", "shakyo", Second.AddSeconds(1)),
            AcceptedUploads.Record("u3", "shakyo", Second.AddSeconds(2)),
            AcceptedUploads.Duplicate("u4", "u3", "shakyo", Second.AddSeconds(3)),
        ]);
        var rows = new List<StoredObservation>();
        for (var i = 0; i < 60; i++)
        {
            var upload = new[] { "u3", "u1", "u4", "u2", "gone" }[i % 5];
            var at = upload switch { "u1" => 0, "u2" => 1, "u3" => 2, "u4" => 3, _ => 4 };
            rows.Add(new StoredObservation(i % 2 == 0 ? "I-1-K1" : "I-1-K2", new FiscalYear(2020 + (i % 3)),
                i % 4 < 2 ? "431001" : "431010", i % 6 == 0 ? null : 4 + (i % 6), 10 + (i / 7 % 3), null, null,
                UploadId.Parse(upload), Second.AddSeconds(at), i % 9 == 0 ? ValueFlag.Provisional : null));
        }

        var (current, revisions) = RevisionHistory.Trace(rows, uploads);

        Assert.Equal(FiscalYearRollup.Current(rows, uploads), current);
        Assert.Equal(RevisionHistory.Of(rows, uploads), revisions);
        Assert.NotEmpty(revisions);
        Assert.DoesNotContain(current, o => o.UploadId.Value == "gone");
    }
}

using System.Globalization;
using Pipeline.Application.Ports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Uploads;
using Pipeline.Infrastructure.Storage;
using Pipeline.Testing;

namespace Pipeline.Integration.Tests;

/// <summary>
/// Issue 27: observation entities are built for writing (ObservationEntity, row keys written in place, small values'
/// texts from a table); what reaches the table is what the stored form says, property by property.
/// </summary>
public sealed class ObservationEntitiesTests : IDisposable
{
    private readonly TestPipeline _pipeline = new(Azurite.Instance);

    public void Dispose() => _pipeline.Dispose();

    [Theory]
    [InlineData("I-2-K1", 2024, "431001", 4, "20260101T000000Z-abc")]
    [InlineData("I-2-K1", 2024, "431001", null, "u1")]
    [InlineData("I-2-K1", 2024, "431001", 12, "u1")]
    [InlineData("a/b#c", 2024, "431001", 1, "u1")]
    [InlineData("id~x", 2024, "43%1", 1, "u/1")]
    [InlineData("I-1", 999, "431001", 1, "u1")]
    [InlineData("I-1", 10000, "431001", 1, "u1")]
    [InlineData("I-1", 2024, "431001", 100, "u1")]
    public void The_row_key_written_in_place_is_the_one_the_parts_joined_give(
        string indicator, int year, string area, int? month, string upload)
    {
        var joined = TableKeys.Join(indicator, year.ToString(CultureInfo.InvariantCulture), area,
            (month ?? 0).ToString("00", CultureInfo.InvariantCulture), upload);
        Assert.Equal(joined, TableKeys.ObservationRow(indicator, new FiscalYear(year), area, month, upload));
    }

    [Fact]
    public async Task Staged_observations_reach_the_table_with_every_property_of_the_stored_form()
    {
        var plan = _pipeline.Get<Plan>();
        var indicator = plan.Indicators[0];
        var received = new DateTimeOffset(2026, 12, 3, 14, 0, 0, TimeSpan.Zero);
        var record = new UploadRecord(plan.Id, UploadDepartment.Named("shakyo"),
            UploadId.Parse("20261203T140000Z-ent"), "shakyo/e.csv", Sha256.Of([7]), received, received,
            UploadStatus.Accepted, 5, 0, 0, 0);
        var at = new SourceLocation("シート1", 2, 3);
        var observations = new List<Observation>
        {
            new(indicator.Id.Value, new FiscalYear(2024), "431001", 4, 279m, null, null, null, at),
            new(indicator.Id.Value, new FiscalYear(2024), "431001", 5, 0m, null, null, "注記", at with { Row = 3 },
                ValueFlag.Provisional),
            new(indicator.Id.Value, new FiscalYear(2024), "431001", 6, 4096m, null, null, null, at with { Row = 4 }),
            new(indicator.Id.Value, new FiscalYear(2024), "431001", 7, 4095.0m, null, null, null, at with { Row = 5 }),
            new(indicator.Id.Value, new FiscalYear(2025), "431000", null, 95.10m, 951m, 1000m, null, at with { Row = 6 }),
        };
        await _pipeline.Get<IObservationStore>().StageAsync(plan, record, observations, [], CancellationToken.None);

        var rows = (await Uploads.RowsAsync(_pipeline, StorageNames.ObservationsTable))
            .Where(r => r.GetString("UploadId") == record.UploadId.Value).OrderBy(r => r.GetInt32("SourceRow"))
            .ToList();
        Assert.Equal(["279", "0", "4096", "4095", "95.1"], rows.Select(r => r.GetString("Value")));
        Assert.Equal([4, 5, 6, 7, null], rows.Select(r => r.GetInt32("Month")));
        Assert.Equal([2024, 2024, 2024, 2024, 2025], rows.Select(r => r.GetInt32("FiscalYear")));
        Assert.All(rows, r =>
        {
            Assert.Equal(TableKeys.ObservationPartition(plan.Id.Value, indicator.PolicyId), r.PartitionKey);
            Assert.Equal(indicator.Id.Value, r.GetString("IndicatorId"));
            Assert.Equal("shakyo", r.GetString("DepartmentId"));
            Assert.Equal(received, r.GetDateTimeOffset("ReceivedAt"));
            Assert.Equal("シート1", r.GetString("SourceSheet"));
        });
        Assert.Equal(TableKeys.ObservationRow(indicator.Id.Value, new FiscalYear(2024), "431001", 4, record.UploadId.Value),
            rows[0].RowKey);
        Assert.Equal(("注記", "Provisional"), (rows[1].GetString("Note"), rows[1].GetString("Flag")));
        Assert.Equal(("951", "1000"), (rows[4].GetString("Numerator"), rows[4].GetString("Denominator")));
        Assert.Equal("431000", rows[4].GetString("AreaCode"));
        Assert.Null(rows[0].GetString("Numerator"));
        Assert.Null(rows[0].GetString("Note"));
        Assert.Null(rows[0].GetString("Flag"));
    }
}

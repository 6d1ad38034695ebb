using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Pipeline.Application.Ports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Uploads;
using Pipeline.Spreadsheets.Parsing;

namespace Pipeline.Infrastructure.Storage;

/// <summary>
/// Observations and evaluations in Table Storage (see <see cref="TableKeys"/>). Decimals are stored as
/// invariant strings, never doubles. Rows carry their upload's id and received time: the ledger decides
/// which are visible, the received time which supersedes (rows of earlier versions carry the blob's creation time
/// as <c>BlobCreatedOn</c>, read in its place); and the value's flag and note, where given.
/// </summary>
public sealed class TableObservationStore(StorageAccount storage) : IObservationStore
{
    private static readonly object[] BoxedMonths = [.. Enumerable.Range(0, 13).Select(m => (object)m)];

    /// <summary>The stored text of the whole values 1 to 4,095, as <see cref="InvariantDecimal.Format"/> writes
    /// them.</summary>
    private static readonly string[] SmallWholeValues =
        [.. Enumerable.Range(0, 4096).Select(v => InvariantDecimal.Format(v))];

    public async Task StageAsync(Plan plan, UploadRecord upload, IReadOnlyList<Observation> observations,
        IReadOnlyList<Evaluation> evaluations, CancellationToken cancellationToken)
    {
        var entities = ToEntities(plan, upload, observations, evaluations);
        if (observations.Count > 0)
        {
            var table = await storage.TableAsync(StorageNames.ObservationsTable, cancellationToken);
            await TableBatches.UpsertAsync(table, entities.Observations, storage.WriteParallelism, cancellationToken);
        }

        if (evaluations.Count > 0)
        {
            var table = await storage.TableAsync(StorageNames.EvaluationsTable, cancellationToken);
            await TableBatches.UpsertAsync(table, entities.Evaluations, storage.WriteParallelism, cancellationToken);
        }
    }

    /// <summary>An upload's rows as table entities (lazily): the normalised form that is stored.</summary>
    public static (IEnumerable<ITableEntity> Observations, IEnumerable<ITableEntity> Evaluations) ToEntities(
        Plan plan, UploadRecord upload, IEnumerable<Observation> observationRows,
            IEnumerable<Evaluation> evaluationRows)
    {
        // What rows share is made once per call, not once per row: the partition key of each indicator, the boxed
        // fiscal years and received time; small whole values (most counts) take their text from one table. Each
        // entity is one array of its properties (ObservationEntity). Issue 27: building the entities was a third of
        // reading a 100,000-row CSV.
        var partitions = new Dictionary<string, string>(StringComparer.Ordinal);
        var years = new Dictionary<int, object>();
        object receivedAt = upload.ReceivedAt;
        object uploadId = upload.UploadId.Value;
        object departmentId = upload.Department.ToString();
        var observations = observationRows.Select(o =>
        {
            if (!partitions.TryGetValue(o.IndicatorId, out var partition))
            {
                partition = TableKeys.ObservationPartition(plan.Id.Value, plan.FindIndicator(o.IndicatorId)!.PolicyId);
                partitions[o.IndicatorId] = partition;
            }

            if (!years.TryGetValue(o.FiscalYear.Value, out var year))
            {
                year = o.FiscalYear.Value;
                years[o.FiscalYear.Value] = year;
            }

            // In the order of ObservationEntity.Names.
            return (ITableEntity)new ObservationEntity(
            [
                partition,
                TableKeys.ObservationRow(o.IndicatorId, o.FiscalYear, o.AreaCode, o.Month, upload.UploadId.Value),
                o.IndicatorId,
                year,
                o.AreaCode,
                o.Month is { } month and >= 0 and < 13 ? BoxedMonths[month] : o.Month,
                ValueText(o.Value),
                o.Numerator is { } n ? InvariantDecimal.Format(n) : null,
                o.Denominator is { } d ? InvariantDecimal.Format(d) : null,
                o.Note,
                o.Flag?.ToString(),
                uploadId,
                departmentId,
                receivedAt,
                o.Source.Sheet,
                o.Source.Row,
            ]);
        });
        var evaluations = evaluationRows.Select(e => (ITableEntity)new TableEntity(
            TableKeys.EvaluationPartition(plan.Id.Value, plan.FindInitiative(e.InitiativeId)!.MeasureId),
            TableKeys.EvaluationRow(e.InitiativeId, e.FiscalYear, upload.UploadId.Value))
        {
            ["InitiativeId"] = e.InitiativeId,
            ["FiscalYear"] = e.FiscalYear.Value,
            ["Rating"] = e.Rating.ToString(),
            ["Comment"] = e.Comment,
            ["UploadId"] = upload.UploadId.Value,
            ["DepartmentId"] = upload.Department.ToString(),
            ["ReceivedAt"] = upload.ReceivedAt,
        });
        return (observations, evaluations);
    }

    public IAsyncEnumerable<StoredObservation> ObservationsAsync(Plan plan, CancellationToken cancellationToken) =>
        PartitionsAsync(StorageNames.ObservationsTable,
            plan.Policies.Select(p => TableKeys.ObservationPartition(plan.Id.Value, p.Id)), e => new StoredObservation(
            e.GetString("IndicatorId"), new FiscalYear(e.GetInt32("FiscalYear") ?? 0), e.GetString("AreaCode"),
            e.GetInt32("Month"),
            InvariantDecimal.Parse(e.GetString("Value")),
            Decimal(e.GetString("Numerator")), Decimal(e.GetString("Denominator")),
            UploadId.Parse(e.GetString("UploadId")), ReceivedAt(e),
            e.GetString("Flag") is { } flag ? Enum.Parse<ValueFlag>(flag) : null, e.GetString("Note")),
            cancellationToken);

    public IAsyncEnumerable<StoredEvaluation> EvaluationsAsync(Plan plan, CancellationToken cancellationToken) =>
        PartitionsAsync(StorageNames.EvaluationsTable,
            plan.Measures.Select(m => TableKeys.EvaluationPartition(plan.Id.Value, m.Id)), e => new StoredEvaluation(
            e.GetString("InitiativeId"), new FiscalYear(e.GetInt32("FiscalYear") ?? 0),
                Enum.Parse<Rating>(e.GetString("Rating")),
            e.GetString("Comment"), UploadId.Parse(e.GetString("UploadId")), ReceivedAt(e)), cancellationToken);

    /// <summary>Reads the given partitions one after another (each an exact-match filter built by the SDK).</summary>
    private async IAsyncEnumerable<T> PartitionsAsync<T>(string tableName, IEnumerable<string> partitions,
        Func<TableEntity, T> map,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(tableName, cancellationToken);
        foreach (var partition in partitions)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                yield return map(entity);
            }
        }
    }

    /// <summary>A value's stored text; zero is always formatted (0 and -0 are equal but may be written
    /// differently).</summary>
    private static string ValueText(decimal value) =>
        value > 0 && value < SmallWholeValues.Length && value == decimal.Truncate(value)
            ? SmallWholeValues[(int)value]
            : InvariantDecimal.Format(value);

    private static decimal? Decimal(string? text) => text is null ? null : InvariantDecimal.Parse(text);

    private static DateTimeOffset ReceivedAt(TableEntity e) =>
        e.GetDateTimeOffset("ReceivedAt") ?? e.GetDateTimeOffset("BlobCreatedOn") ?? default;
}

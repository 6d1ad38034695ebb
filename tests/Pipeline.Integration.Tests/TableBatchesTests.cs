using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Pipeline.Infrastructure.Storage;
using Pipeline.Testing;

namespace Pipeline.Integration.Tests;

/// <summary>
/// Issue 15, defect 3: <see cref="TableBatches.Guard"/> is the only defence against a transaction Azure
/// refuses (several partitions, over 100 actions) and Azurite accepts, so it is tested on its own and
/// through <see cref="TableBatches.SubmitAsync"/> on Azurite, where nothing may reach storage.
/// </summary>
public sealed class TableBatchesTests
{
    private static TableTransactionAction Upsert(string partition, int row) =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, row.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void TableBatches_Guard_refuses_a_transaction_that_mixes_partitions()
    {
        var e = Assert.Throws<InvalidOperationException>(() => TableBatches.Guard([Upsert("a", 1), Upsert("a", 2), Upsert("b", 3)]));
        Assert.Contains("'a' and 'b'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(1000)]
    public void TableBatches_Guard_refuses_an_empty_transaction_or_one_over_100_actions(int count)
    {
        var e = Assert.Throws<InvalidOperationException>(() => TableBatches.Guard(Enumerable.Range(0, count).Select(i => Upsert("a", i)).ToList()));
        Assert.Contains($"not {count}", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public void TableBatches_Guard_lets_one_partition_of_1_to_100_actions_through(int count) =>
        TableBatches.Guard(Enumerable.Range(0, count).Select(i => Upsert("a", i)).ToList()); // throws if refused

    [Fact]
    public async Task TableBatches_SubmitAsync_refuses_before_storage_what_Azurite_would_accept()
    {
        var counter = new RequestCounter();
        using var pipeline = new TestPipeline(Azurite.Instance);
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var table = new TableServiceClient(Azurite.Instance.ConnectionString, options).GetTableClient(pipeline.Prefix + "guard");
        await table.CreateAsync();
        var before = counter.Requests;

        await Assert.ThrowsAsync<InvalidOperationException>(() => TableBatches.SubmitAsync(table, [Upsert("a", 1), Upsert("b", 2)], CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => TableBatches.SubmitAsync(table, Enumerable.Range(0, 101).Select(i => Upsert("a", i)).ToList(), CancellationToken.None));
        Assert.Equal(before, counter.Requests);

        // What Azure would refuse, Azurite takes: the guard is the only defence.
        await table.SubmitTransactionAsync([Upsert("a", 1), Upsert("b", 2)]);
        Assert.Equal(2, table.Query<TableEntity>().Count());
    }

    [Fact]
    public async Task TableBatches_UpsertAsync_splits_by_partition_into_transactions_of_at_most_100()
    {
        var counter = new RequestCounter();
        using var pipeline = new TestPipeline(Azurite.Instance);
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var table = new TableServiceClient(Azurite.Instance.ConnectionString, options).GetTableClient(pipeline.Prefix + "split");
        await table.CreateAsync();
        var before = counter.Requests;

        // Interleaved partitions: 150 in a, 99 in b, 1 in c → transactions of 100 + 50, 99 and 1.
        var entities = Enumerable.Range(0, 250).Select(i => (ITableEntity)new TableEntity(i < 150 ? "a" : i < 249 ? "b" : "c", $"{i:D4}"))
            .OrderBy(e => e.RowKey[^1]).ToList();
        await TableBatches.UpsertAsync(table, entities, parallelism: 4, CancellationToken.None);

        Assert.Equal(4, counter.Requests - before);
        Assert.Equal([("a", 150), ("b", 99), ("c", 1)], table.Query<TableEntity>().GroupBy(e => e.PartitionKey).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key));
    }

    /// <summary>Counts requests that reach the wire.</summary>
    private sealed class RequestCounter : HttpPipelinePolicy
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Interlocked.Increment(ref _requests);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Interlocked.Increment(ref _requests);
            return ProcessNextAsync(message, pipeline);
        }
    }
}

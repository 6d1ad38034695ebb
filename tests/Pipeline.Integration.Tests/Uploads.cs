using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Pipeline.Infrastructure.Storage;
using Pipeline.Testing;
using Pipeline.Application.Ports;
using Pipeline.Application.Reports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Rollup;
using Pipeline.Publishing.Document;
using Pipeline.Functions;
using Pipeline.Application.Ingestion;

namespace Pipeline.Integration.Tests;

/// <summary>Uploads files as a department would and runs the blob-trigger function class on them.</summary>
internal static class Uploads
{
    public static async Task<BlobClient> PutAsync(TestPipeline pipeline, string blobName, byte[] content)
    {
        var container = await pipeline.Storage.ContainerAsync(StorageNames.UploadsContainer, CancellationToken.None);
        var blob = container.GetBlobClient(blobName);
        await blob.UploadAsync(new BinaryData(content), overwrite: true);
        return blob;
    }

    /// <summary>Uploads and delivers to the function, as Event Grid would; returns the report blob's content.</summary>
    /// <summary>Ingests every sample submission (samples/submissions) under its relative name; each is accepted.</summary>
    public static async Task IngestEverySampleAsync(TestPipeline pipeline)
    {
        var root = Path.Combine(RepositoryRoot.Find(), "samples", "submissions");
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(root, file).Replace('\\', '/');
            var report = await IngestAsync(pipeline, name, await File.ReadAllBytesAsync(file));
            Xunit.Assert.Equal(Pipeline.Domain.Uploads.UploadStatus.Accepted, report.Status);
        }
    }

    public static async Task<UploadReport> IngestAsync(TestPipeline pipeline, string blobName, byte[] content)
    {
        var blob = await PutAsync(pipeline, blobName, content);
        return await DeliverAsync(pipeline, blob);
    }

    public static async Task<UploadReport> DeliverAsync(TestPipeline pipeline, BlobClient blob)
    {
        await new IngestUpload(pipeline.Get<UploadIngestion>()).Run(blob, CancellationToken.None);
        return await ReportAsync(pipeline, blob.Name);
    }

    /// <summary>
    /// The message the blob trigger puts on its poison queue after the fifth failed delivery of <paramref name="blob"/>,
    /// delivered to the queue function, as the host would.
    /// </summary>
    public static Task PoisonAsync(TestPipeline pipeline, BlobClient blob) =>
        new RecordPoisonUpload(pipeline.Get<PoisonUploads>()).Run(
            $$"""{"Type":"BlobTrigger","FunctionId":"Host.Functions.IngestUpload","BlobType":"BlockBlob","ContainerName":"{{blob.BlobContainerName}}","BlobName":"{{blob.Name}}","ETag":"x","DequeueCount":5}""",
            CancellationToken.None);

    public static async Task<UploadReport> ReportAsync(TestPipeline pipeline, string blobName)
    {
        var reports = await pipeline.Storage.ContainerAsync(StorageNames.ReportsContainer, CancellationToken.None);
        var download = await reports.GetBlobClient(UploadReport.BlobNameFor(blobName)).DownloadContentAsync();
        Assert.Equal("application/json; charset=utf-8", download.Value.Details.ContentType);
        return UploadReport.FromJson(download.Value.Content.ToMemory().Span);
    }

    public static async Task<List<TableEntity>> RowsAsync(TestPipeline pipeline, string table)
    {
        var client = await pipeline.Storage.TableAsync(table, CancellationToken.None);
        var rows = new List<TableEntity>();
        await foreach (var row in client.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The ids of the uploads the ledger has accepted.</summary>
    public static async Task<HashSet<string>> AcceptedUploadsAsync(TestPipeline pipeline)
    {
        var accepted = new HashSet<string>();
        await foreach (var upload in pipeline.Get<IUploadLedger>().AcceptedAsync(pipeline.Get<Pipeline.Domain.Catalogue.Plan>().Id, CancellationToken.None))
        {
            accepted.Add(upload.UploadId);
        }

        return accepted;
    }

    /// <summary>What the aggregation sees: the latest accepted observation per indicator / FY / area / month.</summary>
    public static async Task<List<StoredObservation>> CurrentObservationsAsync(TestPipeline pipeline)
    {
        var observations = new List<StoredObservation>();
        await foreach (var o in pipeline.Get<IObservationStore>().ObservationsAsync(pipeline.Get<Pipeline.Domain.Catalogue.Plan>(), CancellationToken.None))
        {
            observations.Add(o);
        }

        return Pipeline.Domain.Rollup.FiscalYearRollup.Current(observations, await AcceptedUploadsAsync(pipeline)).ToList();
    }

    /// <summary>The latest accepted evaluation per initiative and FY.</summary>
    public static async Task<List<StoredEvaluation>> CurrentEvaluationsAsync(TestPipeline pipeline)
    {
        var evaluations = new List<StoredEvaluation>();
        await foreach (var e in pipeline.Get<IObservationStore>().EvaluationsAsync(pipeline.Get<Pipeline.Domain.Catalogue.Plan>(), CancellationToken.None))
        {
            evaluations.Add(e);
        }

        return Pipeline.Publishing.Document.FeedBuilder.CurrentEvaluations(evaluations, await AcceptedUploadsAsync(pipeline)).ToList();
    }

    public static byte[] Csv(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}

using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Pipeline.Infrastructure.Storage;
using Pipeline.Testing;
using Pipeline.Application.Ports;
using Pipeline.Application.Reports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Rollup;
using Pipeline.Domain.Uploads;
using Pipeline.Application.Ingestion;
using Pipeline.Publishing.Document;
using Pipeline.Functions;

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

    /// <summary>
    /// Stores <paramref name="content"/> as the portal and <c>pipeline ingest</c> do (RULES.md §2): through the
    /// product's <see cref="IUploadStore"/>, in a folder of its own stamped with the time it was received, so that
    /// uploads made within one second keep the order they were made in. <paramref name="name"/> is
    /// <c>{departmentId}/{fileName}</c> of the default plan or <c>{planId}/{departmentId}/{fileName}</c>;
    /// <paramref name="uploadedBy"/> is the person the portal names in the blob's metadata.
    /// </summary>
    public static async Task<BlobClient> StoreAsync(TestPipeline pipeline, string name, byte[] content,
        string? uploadedBy = null)
    {
        var parts = name.Split('/');
        var path = UploadPath.New(parts.Length == 3 ? PlanId.Parse(parts[0]) : null, DepartmentId.Parse(parts[^2]), UploadFolder.New(DateTimeOffset.UtcNow),
            parts[^1]);
        using var stream = new MemoryStream(content);
        await pipeline.Get<IUploadStore>().StoreAsync(path, stream, uploadedBy, CancellationToken.None);
        var container = await pipeline.Storage.ContainerAsync(StorageNames.UploadsContainer, CancellationToken.None);
        return container.GetBlobClient(path.BlobName);
    }

    /// <summary>Stores as the portal does (<see cref="StoreAsync"/>) and delivers to the function; returns the report.</summary>
    public static async Task<UploadReport> SubmitAsync(TestPipeline pipeline, string name, byte[] content) =>
        await DeliverAsync(pipeline, await StoreAsync(pipeline, name, content));

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

    /// <summary>Uploads and delivers to the function, as Event Grid would; returns the upload's report.</summary>
    public static async Task<UploadReport> IngestAsync(TestPipeline pipeline, string blobName, byte[] content)
    {
        var blob = await PutAsync(pipeline, blobName, content);
        return await DeliverAsync(pipeline, blob);
    }

    public static async Task<UploadReport> DeliverAsync(TestPipeline pipeline, BlobClient blob)
    {
        await new IngestUpload(pipeline.Get<UploadIngestion>()).Run(blob, CancellationToken.None);
        return await ReportAsync(pipeline, blob);
    }

    /// <summary>
    /// The message the blob trigger puts on its poison queue after the fifth failed delivery of <paramref name="blob"/>
    /// (naming the version that failed by its ETag), delivered to the queue function, as the host would.
    /// </summary>
    public static async Task PoisonAsync(TestPipeline pipeline, BlobClient blob)
    {
        var etag = (await blob.GetPropertiesAsync()).Value.ETag.ToString().Replace("\"", "\\\"", StringComparison.Ordinal);
        await new RecordPoisonUpload(pipeline.Get<PoisonUploads>()).Run(
            $$"""{"Type":"BlobTrigger","FunctionId":"Host.Functions.IngestUpload","BlobType":"BlockBlob","ContainerName":"{{blob.BlobContainerName}}","BlobName":"{{blob.Name}}","ETag":"{{etag}}","DequeueCount":5}""",
            CancellationToken.None);
    }

    /// <summary>
    /// The id of the upload that the blob's current version is (name, version, content), as ingestion derives it,
    /// and where its report is written.
    /// </summary>
    public static async Task<(UploadId Id, string ReportName)> IdentityAsync(TestPipeline pipeline, BlobClient blob)
    {
        var download = (await blob.DownloadContentAsync()).Value;
        var path = pipeline.Get<UploadRouter>().PathOf(blob.Name);
        var version = new ReceivedVersion(download.Details.ETag.ToString(), download.Details.LastModified, download.Details.VersionId);
        var id = UploadId.Of(path, version, Sha256.Of(download.Content.ToMemory().Span));
        return (id, path.IsValid ? ReportNames.Of(path.PlanText, path.Department.Name!, id) : ReportNames.Invalid(id));
    }

    /// <summary>The report of the upload that the blob's current version is.</summary>
    public static async Task<UploadReport> ReportAsync(TestPipeline pipeline, BlobClient blob)
    {
        var (_, name) = await IdentityAsync(pipeline, blob);
        var reports = await pipeline.Storage.ContainerAsync(StorageNames.ReportsContainer, CancellationToken.None);
        var download = await reports.GetBlobClient(name).DownloadContentAsync();
        Assert.Equal("application/json; charset=utf-8", download.Value.Details.ContentType);
        return UploadReport.FromJson(download.Value.Content.ToMemory().Span);
    }

    /// <summary>The report of the upload that the current version of blob <paramref name="blobName"/> is.</summary>
    public static async Task<UploadReport> ReportAsync(TestPipeline pipeline, string blobName) =>
        await ReportAsync(pipeline, (await pipeline.Storage.ContainerAsync(StorageNames.UploadsContainer, CancellationToken.None)).GetBlobClient(blobName));

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

    /// <summary>The uploads the ledger has committed (accepted, and duplicates committed with their rows).</summary>
    public static async Task<CommittedUploads> CommittedUploadsAsync(TestPipeline pipeline)
    {
        var records = new List<UploadRecord>();
        await foreach (var upload in pipeline.Get<IUploadLedger>().CommittedAsync(pipeline.Get<Pipeline.Domain.Catalogue.Plan>().Id, CancellationToken.None))
        {
            records.Add(upload);
        }

        return new CommittedUploads(records);
    }

    /// <summary>What the aggregation sees: the observation that stands per indicator / FY / area / month.</summary>
    public static async Task<List<StoredObservation>> CurrentObservationsAsync(TestPipeline pipeline)
    {
        var observations = new List<StoredObservation>();
        await foreach (var o in pipeline.Get<IObservationStore>().ObservationsAsync(pipeline.Get<Pipeline.Domain.Catalogue.Plan>(), CancellationToken.None))
        {
            observations.Add(o);
        }

        return Pipeline.Domain.Rollup.FiscalYearRollup.Current(observations, await CommittedUploadsAsync(pipeline)).ToList();
    }

    /// <summary>The latest accepted evaluation per initiative and FY.</summary>
    public static async Task<List<StoredEvaluation>> CurrentEvaluationsAsync(TestPipeline pipeline)
    {
        var evaluations = new List<StoredEvaluation>();
        await foreach (var e in pipeline.Get<IObservationStore>().EvaluationsAsync(pipeline.Get<Pipeline.Domain.Catalogue.Plan>(), CancellationToken.None))
        {
            evaluations.Add(e);
        }

        return Pipeline.Publishing.Document.FeedBuilder.CurrentEvaluations(evaluations, await CommittedUploadsAsync(pipeline)).ToList();
    }

    public static byte[] Csv(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}

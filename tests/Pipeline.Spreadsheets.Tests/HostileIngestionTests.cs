using System.Globalization;
using Azure.Data.Tables;
using Pipeline.Infrastructure.Storage;
using Pipeline.Testing;
using Pipeline.Application.Ingestion;
using Pipeline.Application.Reports;
using Pipeline.Domain.Uploads;
using Pipeline.Spreadsheets.Reading;
using Pipeline.Application.Ports;
using Pipeline.Domain.Problems;
using Pipeline.Domain.Json;

namespace Pipeline.Spreadsheets.Tests;

/// <summary>
/// Issue 15, item 9 (the corpus part): every hostile file goes through <see cref="IngestionService"/> on
/// Azurite as an upload would, and ends in its report blob with the expected code, never
/// <c>internal_error</c>, and nothing visible: no accepted upload in the ledger.
/// </summary>
public sealed class HostileIngestionTests
{
    public static TheoryData<HostileFileTests.HostileFile> Files() => HostileFileTests.Files();

    private static Dictionary<string, string?> Settings(ReadLimits? limits)
    {
        var settings = new Dictionary<string, string?>();
        if (limits is not null)
        {
            string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
            settings["Pipeline:ReadLimits:MaxFileBytes"] = Text(limits.MaxFileBytes);
            settings["Pipeline:ReadLimits:MaxUncompressedBytes"] = Text(limits.MaxUncompressedBytes);
            settings["Pipeline:ReadLimits:MaxRows"] = Text(limits.MaxRows);
            settings["Pipeline:ReadLimits:MaxColumns"] = Text(limits.MaxColumns);
            settings["Pipeline:ReadLimits:MaxCellCharacters"] = Text(limits.MaxCellCharacters);
            settings["Pipeline:ReadLimits:MaxSharedStringCharacters"] = Text(limits.MaxSharedStringCharacters);
            settings["Pipeline:ReadLimits:WorkPerByte"] = Text(limits.WorkPerByte);
            settings["Pipeline:ReadLimits:MinimumWork"] = Text(limits.MinimumWork);
        }

        return settings;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_hostile_file_ingested_on_Azurite_gets_its_report_blob_with_its_code_and_nothing_visible(HostileFileTests.HostileFile file)
    {
        using var pipeline = new TestPipeline(Azurite.Instance, settings: Settings(file.Limits));
        var blobName = $"shakyo/{file.Name}";
        var result = await pipeline.Get<IngestionService>().IngestAsync(UploadedFiles.At(pipeline, blobName, file.Content()), CancellationToken.None);
        var stored = await UploadedFiles.StoredReportAsync(pipeline, result);
        Assert.Equal(result.Report.UploadId, stored.UploadId);
        Assert.Equal(UploadStatus.Rejected, stored.Status);
        Assert.Contains(stored.Problems, p => PipelineJson.Name(p.Code) == file.ExpectedCode);
        Assert.DoesNotContain(stored.Problems, p => p.Code == ProblemCode.InternalError);

        var ledger = await pipeline.Storage.TableAsync(StorageNames.UploadsTable, CancellationToken.None);
        var rows = ledger.Query<TableEntity>().ToList();
        Assert.Equal(["Rejected"], rows.Where(r => r.GetString("Kind") == "upload").Select(r => r.GetString("Status")));
        Assert.DoesNotContain(rows, r => r.GetString("Kind") == "accepted"); // no commit marker: nothing committed, so nothing visible
    }
}

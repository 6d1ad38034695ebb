using Pipeline.Application.Reports;
using Pipeline.Domain.Uploads;
namespace Pipeline.Application.Ingestion;

/// <summary>Where an upload stands once processed: its record and the report written for it.</summary>
public sealed record IngestionResult(UploadRecord Record, UploadReport Report);

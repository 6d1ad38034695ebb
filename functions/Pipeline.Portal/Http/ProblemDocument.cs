using System.Text.Json.Serialization;
using Pipeline.Application.Reports;

namespace Pipeline.Portal.Http;

/// <summary>An RFC 9457 problem details document, with the upload report where there is one.</summary>
public sealed record ProblemDocument(
    string Type, string Title, int Status, string Detail,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] UploadReport? Report = null);

using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Application.Obligations;
using Pipeline.Application.Reports;
using Pipeline.Application.Review;
using Pipeline.Domain.Json;
using Pipeline.Publishing.Document;

namespace Pipeline.Portal.Api.Documents;

/// <summary>The pipeline's JSON options (<see cref="PipelineJson"/>) extended with the portal API's
/// documents.</summary>
internal static class DocumentJson
{
    public static readonly JsonSerializerOptions Options = PipelineJson.CreateOptions(
        DocumentJsonContext.Default, ReportJson.Options.TypeInfoResolver!, FeedJson.Options.TypeInfoResolver!);
}

/// <summary>Type information of the portal API's documents.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(MeDocument))]
[JsonSerializable(typeof(SignInDocument))]
[JsonSerializable(typeof(DevelopmentSignInRequest))]
[JsonSerializable(typeof(UploadAcceptedDocument))]
[JsonSerializable(typeof(UploadHistoryDocument))]
[JsonSerializable(typeof(ObligationsDocument))]
[JsonSerializable(typeof(UploadReport))]
[JsonSerializable(typeof(ReviewQueueDocument))]
[JsonSerializable(typeof(SecretariatOverview))]
[JsonSerializable(typeof(FiscalYearStatus))]
[JsonSerializable(typeof(CommentaryEntry))]
[JsonSerializable(typeof(ReviewDecisionRequest))]
[JsonSerializable(typeof(ReviewDecidedDocument))]
[JsonSerializable(typeof(FiscalYearRequest))]
[JsonSerializable(typeof(ContactsDocument))]
[JsonSerializable(typeof(ContactsChange))]
internal sealed partial class DocumentJsonContext : JsonSerializerContext;

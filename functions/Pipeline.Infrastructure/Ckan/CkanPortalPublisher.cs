using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Pipeline.Application.Ports;
using Pipeline.Domain.Catalogue;
using Pipeline.Publishing;
using Pipeline.Publishing.Formats;
using Pipeline.Publishing.Document;

namespace Pipeline.Infrastructure.Ckan;

/// <summary>
/// Pushes a plan's progress.json and progress.csv to its own dataset of a CKAN portal (<see cref="CkanDatasets"/>)
/// through the Action API: <c>package_show</c> to find the dataset's resources, then <c>resource_patch</c> or
/// <c>resource_create</c> with the file.
/// CKAN answers many errors with HTTP 200 and <c>"success": false</c>: that is a failure too. Retries,
/// the circuit breaker and timeouts are the typed client's Polly policies (<see cref="CkanPolicies"/>).
/// </summary>
public sealed partial class CkanPortalPublisher(
    HttpClient http, IOptions<CkanOptions> options, CkanDatasets datasets, TimeProvider clock,
        ILogger<CkanPortalPublisher> logger) : IPortalPublisher
{
    /// <summary>The one action that is not idempotent, so never retried blindly (<see
    /// cref="CkanPolicies.RetryFor"/>).</summary>
    public const string CreateAction = "api/3/action/resource_create";

    private static readonly string[] Pushed = [FeedPaths.JsonName, FeedPaths.CsvName];

    public string Name => "ckan";

    /// <summary>A plan is published where it has a dataset.</summary>
    public string? DestinationOf(PlanId planId) => datasets.For(planId.Value);

    public async Task<bool> PushAsync(PlanId planId, IReadOnlyList<FeedFile> files, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // The caller asks DestinationOf first: a plan without a dataset reaching here is our own bug, not the portal's.
        var dataset = datasets.For(planId.Value)
            ?? throw new InvalidOperationException($"Plan {planId} has no CKAN dataset; it is not pushed.");
        try
        {
            var resources = await ResourcesAsync(settings, dataset, cancellationToken);
            foreach (var file in files.Where(f => Pushed.Contains(f.Name)))
            {
                var existing = resources.FirstOrDefault(r => r.Name == file.Name);
                if (existing is not null)
                {
                    await UpsertAsync(settings, dataset, existing.Id, file, cancellationToken);
                }
                else
                {
                    await CreateOnceAsync(settings, dataset, file, cancellationToken);
                }
            }

            LogPushed(planId, dataset, settings.BaseUrl!);
            return true;
        }
        catch (Exception e) when (
            e is HttpRequestException or CkanException or BrokenCircuitException or TimeoutRejectedException
                                   or JsonException
                                       || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The blob feed is already published and stays as it is; the next run tries the portal again.
            LogPushFailed(e, planId, dataset, settings.BaseUrl!, e.Message);
            return false;
        }
    }

    private async Task<List<CkanResource>> ResourcesAsync(CkanOptions settings, string dataset,
        CancellationToken cancellationToken)
    {
        using var request =
            new HttpRequestMessage(HttpMethod.Get, $"api/3/action/package_show?id={Uri.EscapeDataString(dataset)}");
        var package =
            await SendAsync(request, settings, CkanJsonContext.Default.CkanResponsePackage, cancellationToken);
        return package.Resources ?? [];
    }

    /// <summary>
    /// Creates a resource at most once: a create whose answer is lost (a timeout, a transient error after
    /// the portal may have done the work) is followed by a lookup by name; a resource found is patched,
    /// only one not found is created again.
    /// </summary>
    private async Task CreateOnceAsync(CkanOptions settings, string dataset, FeedFile file,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await UpsertAsync(settings, dataset, null, file, cancellationToken);
                return;
            }
            catch (Exception e) when (attempt <= settings.RetryCount && IsTransient(e, cancellationToken))
            {
                LogCreateUncertain(file.Name, attempt, e.Message);
            }

            // The same backoff as the retry policy, slept as Polly sleeps (real time): the clock only reads dates.
            await Task.Delay(CkanPolicies.Delay(settings, clock, attempt, null), cancellationToken);
            var created = (await ResourcesAsync(settings, dataset, cancellationToken))
                .FirstOrDefault(r => r.Name == file.Name);
            if (created is not null)
            {
                await UpsertAsync(settings, dataset, created.Id, file, cancellationToken);
                return;
            }
        }
    }

    private static bool IsTransient(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or TimeoutRejectedException or CkanException { Transient: true }
        || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private async Task UpsertAsync(CkanOptions settings, string dataset, string? resourceId, FeedFile file,
        CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        if (resourceId is null)
        {
            form.Add(new StringContent(dataset), "package_id");
            form.Add(new StringContent(file.Name), "name");
        }
        else
        {
            form.Add(new StringContent(resourceId), "id");
        }

        form.Add(new StringContent(file.Name.EndsWith(".csv", StringComparison.Ordinal) ? "CSV" : "JSON"), "format");
        var content = new ByteArrayContent(file.Content);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
        form.Add(content, "upload", file.Name);

        using var request =
            new HttpRequestMessage(HttpMethod.Post, resourceId is null ? CreateAction : "api/3/action/resource_patch")
        {
            Content = form,
        };
        await SendAsync(request, settings, CkanJsonContext.Default.CkanResponseResource, cancellationToken);
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, CkanOptions settings,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<CkanResponse<T>> type, CancellationToken cancellationToken)
        where T : class
    {
        request.Headers.TryAddWithoutValidation("Authorization", settings.ApiToken);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        CkanResponse<T>? parsed = null;
        if (response.Content.Headers.ContentType?.MediaType?.Contains("json",
            StringComparison.OrdinalIgnoreCase) == true || body.TrimStart().StartsWith('{'))
        {
            parsed = JsonSerializer.Deserialize(body, type);
        }

        if (parsed is { Success: true, Result: { } result })
        {
            return result;
        }

        var message = parsed?.Error?.Message ?? parsed?.Error?.Type ?? body[..Math.Min(body.Length, 200)];
        var status = (int)response.StatusCode;
        throw new CkanException($"CKAN {request.RequestUri} answered {status} with success=false: {message}",
            Transient: status is >= 500 or 408 or 429);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Creating CKAN resource {Name} may or may not have happened (try {Attempt}: {Reason}); looking it up by name " +
            "before creating again")]
    private partial void LogCreateUncertain(string name, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Pushed the feed of {PlanId} to CKAN dataset {DatasetId} at {BaseUrl}")]
    private partial void LogPushed(PlanId planId, string datasetId, Uri baseUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Could not push the feed of {PlanId} to CKAN dataset {DatasetId} at {BaseUrl}: {Reason}; the blob feed is " +
            "published and the next run tries again")]
    private partial void LogPushFailed(Exception exception, PlanId planId, string datasetId, Uri baseUrl,
        string reason);
}

internal sealed record CkanError([property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("__type")] string? Type);

internal sealed record CkanResource([property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string? Name);

internal sealed record CkanPackage([property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("resources")] List<CkanResource>? Resources);

internal sealed record CkanResponse<T>(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("result")] T? Result,
    [property: JsonPropertyName("error")] CkanError? Error);

[JsonSerializable(typeof(CkanResponse<CkanPackage>), TypeInfoPropertyName = "CkanResponsePackage")]
[JsonSerializable(typeof(CkanResponse<CkanResource>), TypeInfoPropertyName = "CkanResponseResource")]
internal sealed partial class CkanJsonContext : JsonSerializerContext;

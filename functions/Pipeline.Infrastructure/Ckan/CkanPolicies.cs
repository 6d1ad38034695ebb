using System.Net;
using Polly;
using Polly.Extensions.Http;

namespace Pipeline.Infrastructure.Ckan;

/// <summary>
/// The CKAN client's resilience, outermost first: a total timeout below the function timeout, a
/// jittered exponential retry on transient answers (5xx, 408, 429 honouring Retry-After, network
/// errors, a try's timeout), a circuit breaker, and one try's timeout.
/// </summary>
public static class CkanPolicies
{
    public static IAsyncPolicy<HttpResponseMessage> Total(CkanOptions options) =>
        Policy.TimeoutAsync<HttpResponseMessage>(options.TotalTimeout);

    public static IAsyncPolicy<HttpResponseMessage> Retry(CkanOptions options, TimeProvider clock) =>
        Transient().WaitAndRetryAsync(
            options.RetryCount,
            (attempt, outcome, _) => Delay(options, clock, attempt, outcome.Result),
            (_, _, _, _) => Task.CompletedTask);

    /// <summary>
    /// The retry for one request: none for <c>resource_create</c>, which is not idempotent (a retry after a
    /// lost answer would make a second resource); <see cref="CkanPortalPublisher"/> looks the resource up
    /// by name before it creates again.
    /// </summary>
    public static IAsyncPolicy<HttpResponseMessage> RetryFor(HttpRequestMessage request, CkanOptions options,
        TimeProvider clock) =>
        request.RequestUri?.OriginalString.EndsWith(CkanPortalPublisher.CreateAction, StringComparison.Ordinal) == true
            ? Policy.NoOpAsync<HttpResponseMessage>()
            : Retry(options, clock);

    public static IAsyncPolicy<HttpResponseMessage> Breaker(CkanOptions options) =>
        Transient().CircuitBreakerAsync(options.BreakerFailures, options.BreakDuration);

    public static IAsyncPolicy<HttpResponseMessage> Try(CkanOptions options) =>
        Policy.TimeoutAsync<HttpResponseMessage>(options.TryTimeout);

    private static PolicyBuilder<HttpResponseMessage> Transient() =>
        HttpPolicyExtensions.HandleTransientHttpError()
            .OrResult(r => r.StatusCode == HttpStatusCode.TooManyRequests)
            .Or<Polly.Timeout.TimeoutRejectedException>();

    /// <summary>Retry-After when the portal gives one (capped), else full jitter on an exponential backoff.</summary>
    public static TimeSpan Delay(CkanOptions options, TimeProvider clock, int attempt, HttpResponseMessage? response)
    {
        var retryAfter = response?.Headers.RetryAfter;
        var asked = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - clock.GetUtcNow() : null);
        if (asked is { } wait && wait >= TimeSpan.Zero)
        {
            return wait < options.MaxRetryAfter ? wait : options.MaxRetryAfter;
        }

        var ceiling = options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
#pragma warning disable CA5394 // Jitter, not security.
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
#pragma warning restore CA5394
    }
}

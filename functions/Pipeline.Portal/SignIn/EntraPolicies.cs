using System.Net;
using Polly;
using Polly.Extensions.Http;

namespace Pipeline.Portal.SignIn;

/// <summary>
/// The Entra ID client's resilience, in the project's Polly convention (as the CKAN client's): a total timeout a
/// person will wait for, a jittered retry on transient answers for metadata and keys (GET) only, since a code is
/// redeemed once and a retried redemption would fail anyway, and one try's timeout.
/// </summary>
public static class EntraPolicies
{
    public static IAsyncPolicy<HttpResponseMessage> Total() =>
        Policy.TimeoutAsync<HttpResponseMessage>(TimeSpan.FromSeconds(20));

    public static IAsyncPolicy<HttpResponseMessage> RetryFor(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get
            ? HttpPolicyExtensions.HandleTransientHttpError()
                .OrResult(r => r.StatusCode == HttpStatusCode.TooManyRequests)
                .Or<Polly.Timeout.TimeoutRejectedException>()
#pragma warning disable CA5394 // Jitter, not security.
                .WaitAndRetryAsync(2, attempt =>
                    TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * 200 * Math.Pow(2, attempt)))
#pragma warning restore CA5394
            : Policy.NoOpAsync<HttpResponseMessage>();

    public static IAsyncPolicy<HttpResponseMessage> Try() =>
        Policy.TimeoutAsync<HttpResponseMessage>(TimeSpan.FromSeconds(8));
}

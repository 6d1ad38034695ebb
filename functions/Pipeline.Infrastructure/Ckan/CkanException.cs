using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Pipeline.Infrastructure.Ckan;

/// <summary>The portal refused the request (<c>"success": false</c>); <paramref name="Transient"/> for 5xx, 408 and
/// 429.</summary>
public sealed class CkanException(string message, bool Transient = false) : Exception(message)
{
    /// <summary>True where trying again later may succeed.</summary>
    public bool Transient { get; } = Transient;
}

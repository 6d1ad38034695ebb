using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Pipeline.Testing;

/// <summary>How an injected fault shows: the call refused before it reaches storage, or its answer lost after storage did the work.</summary>
public enum FaultKind
{
    /// <summary>A 503 before the request is sent: storage did nothing.</summary>
    Error,
    /// <summary>A timeout after the request was sent: storage did the work, the caller never heard.</summary>
    Timeout,
}

/// <summary>
/// An HttpPipelinePolicy for the Azure SDK clients that counts storage calls and fails the chosen one,
/// placed per call (outside the SDK's own retries) so that the fault reaches the pipeline's code.
/// </summary>
public sealed partial class FaultInjection : HttpPipelinePolicy
{
    private int _calls;
    private int _failAt;
    private FaultKind _kind;
    private Tuple<Func<Request, bool>, Func<Task>>? _interleaved;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, int> _answers = new();

    /// <summary>
    /// Puts this policy on every table and blob client the pipeline composed by <paramref name="builder"/> creates
    /// (AddPipeline takes its client options from the container), per call, outside the SDK's own retries.
    /// </summary>
    public void AddTo(IHostApplicationBuilder builder)
    {
        var tables = new TableClientOptions();
        tables.AddPolicy(this, HttpPipelinePosition.PerCall);
        var blobs = new BlobClientOptions();
        blobs.AddPolicy(this, HttpPipelinePosition.PerCall);
        builder.Services.AddSingleton(tables);
        builder.Services.AddSingleton(blobs);
    }

    /// <summary>Calls seen since the last <see cref="Arm"/>.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Calls that were failed.</summary>
    public int Injected { get; private set; }

    /// <summary>Runs before the failing call throws (to kill storage, say).</summary>
    public Action? OnFault { get; set; }

    /// <summary>
    /// Makes a race happen in one order every time: before the first request that <paramref name="when"/>
    /// matches is counted and sent, <paramref name="run"/> runs to its end (its own calls counted first).
    /// Once only; a request made inside <paramref name="run"/> never triggers it again.
    /// </summary>
    public void Interleave(Func<Request, bool> when, Func<Task> run) => Volatile.Write(ref _interleaved, Tuple.Create(when, run));

    /// <summary>True once the interleaved work has run (or when none was set).</summary>
    public bool Interleaved => Volatile.Read(ref _interleaved) is null;

    /// <summary>
    /// How many answers storage gave with <paramref name="status"/> since the last <see cref="Arm"/> (409 and 412: a race
    /// was met), counting the failed operation inside a transaction's answer too.
    /// </summary>
    public int Answered(int status) => _answers.GetValueOrDefault(status);

    /// <summary>Starts counting from zero; call number <paramref name="failAt"/> (1-based, 0 for none) fails.</summary>
    public void Arm(int failAt, FaultKind kind)
    {
        _calls = 0;
        _answers.Clear();
        _failAt = failAt;
        _kind = kind;
        Injected = 0;
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (Due(message) is { } run)
        {
            run().GetAwaiter().GetResult(); // the synchronous client API: the race still runs first
        }

        var fail = Next();
        if (fail && _kind == FaultKind.Error)
        {
            throw Refused();
        }

        ProcessNext(message, pipeline);
        Count(message);
        if (fail)
        {
            throw Lost();
        }
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (Due(message) is { } run)
        {
            await run();
        }

        var fail = Next();
        if (fail && _kind == FaultKind.Error)
        {
            throw Refused();
        }

        await ProcessNextAsync(message, pipeline);
        Count(message);
        if (fail)
        {
            throw Lost();
        }
    }

    private void Count(HttpMessage message)
    {
        if (!message.HasResponse)
        {
            return;
        }

        _answers.AddOrUpdate(message.Response.Status, 1, (_, n) => n + 1);
        if (message.Response.Status == 202 && message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal) && message.Response.Content is { } content)
        {
            // An entity-group transaction is answered 202; a failed one says why inside (one part, e.g. "HTTP/1.1 409 Conflict").
            foreach (System.Text.RegularExpressions.Match part in InnerStatus().Matches(content.ToString()))
            {
                var status = int.Parse(part.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (status >= 400)
                {
                    _answers.AddOrUpdate(status, 1, (_, n) => n + 1);
                }
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^HTTP/1\.1 (\d{3}) ", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex InnerStatus();

    private Func<Task>? Due(HttpMessage message)
    {
        var interleaved = Volatile.Read(ref _interleaved);
        // Taken before it runs (its own requests must not trigger it), and by one request only when writers run in parallel.
        if (interleaved is null || !interleaved.Item1(message.Request)
            || Interlocked.CompareExchange(ref _interleaved, null, interleaved) != interleaved)
        {
            return null;
        }

        return interleaved.Item2;
    }

    private bool Next()
    {
        var call = Interlocked.Increment(ref _calls);
        if (call != _failAt)
        {
            return false;
        }

        Injected++;
        OnFault?.Invoke();
        return true;
    }

    private static RequestFailedException Refused() => new(503, "Injected fault: the server is busy.");

    private static TaskCanceledException Lost() => new("Injected fault: the answer did not come back in time.");
}

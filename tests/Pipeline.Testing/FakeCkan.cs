using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Pipeline.Testing;

/// <summary>
/// A CKAN Action API on a loopback port, for the portal push's tests. It keeps the resources of one or
/// more datasets (a <c>package_show</c> of any other answers 404 Not Found, as CKAN does) with the text last
/// uploaded to each (<c>upload</c>), records every
/// request with the dataset it concerned, and misbehaves on cue: the next requests can answer 503, 429
/// with Retry-After, hang, or answer 200 with <c>"success": false</c>.
/// </summary>
public sealed class FakeCkan : IDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<Func<HttpListenerContext, Task<string?>>> _script = new();
    private readonly HashSet<string> _datasets;
    private readonly ConcurrentQueue<string> _failNextShowOf = new();
    private readonly List<JsonObject> _resources = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private string? _loseAnswerOf;

    public FakeCkan(string datasetId, string token)
        : this([datasetId], token)
    {
    }

    /// <summary>A portal with several datasets; the first is <see cref="DatasetId"/>.</summary>
    public FakeCkan(IReadOnlyList<string> datasetIds, string token)
    {
        DatasetId = datasetIds[0];
        _datasets = datasetIds.ToHashSet(StringComparer.Ordinal);
        Token = token;
        (_listener, BaseUrl) = Listen();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    /// <summary>
    /// HttpListener cannot bind port 0: a free port is picked and, should another process take it before the
    /// listener starts, a fresh one is tried, at most 10 times.
    /// </summary>
    private static (HttpListener, Uri) Listen()
    {
        for (var attempt = 1; ; attempt++)
        {
            var address = new Uri($"http://127.0.0.1:{Pipeline.Development.LoopbackPort.Free()}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(address.ToString());
            try
            {
                listener.Start();
                return (listener, address);
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                // The port was taken between picking and listening: try another.
                listener.Close();
            }
        }
    }

    /// <summary>The first dataset.</summary>
    public string DatasetId { get; }

    public string Token { get; }

    /// <summary>
    /// Every request: when, the path, the Authorization header, the status, and the dataset it concerned
    /// (package_show's id, resource_create's package_id, the patched resource's dataset; null for an answer on cue).
    /// </summary>
    public ConcurrentQueue<(DateTimeOffset At, string Action, string? Authorization, int Status, string? Dataset)> Requests { get; } = new();

    /// <summary>The resources of every dataset.</summary>
    public IReadOnlyList<JsonObject> Resources
    {
        get
        {
            lock (_resources)
            {
                return _resources.Select(r => (JsonObject)r.DeepClone()).ToList();
            }
        }
    }

    /// <summary>The resources of one dataset.</summary>
    public IReadOnlyList<JsonObject> ResourcesOf(string datasetId) =>
        Resources.Where(r => (string?)r["package_id"] == datasetId).ToList();

    public void Next503(int times = 1) => Enqueue(times, c => Answer(c, 503, "{\"success\": false}"));

    public void Next429(int retryAfterSeconds) => Enqueue(1, c =>
    {
        c.Response.Headers["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Answer(c, 429, "{\"success\": false}");
    });

    /// <summary>The next request gets no answer until the fake stops: whatever the client's try timeout, it times out.</summary>
    public void NextHang() => _script.Enqueue(async c =>
    {
        await Task.Delay(Timeout.Infinite, _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        return await Normal(c);
    });

    /// <summary>
    /// The next <paramref name="action"/> request (say <c>resource_create</c>) is carried out at once, but its
    /// answer comes only when the fake stops: the client times out after the portal did the work.
    /// </summary>
    public void NextDoneButAnswerLost(string action) => Volatile.Write(ref _loseAnswerOf, action);

    private async Task<string?> DoneButAnswerLost(HttpListenerContext context)
    {
        var (status, json, dataset) = await HandleAsync(context);
        await Task.Delay(Timeout.Infinite, _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        await Answer(context, status, json);
        return dataset;
    }

    private Func<HttpListenerContext, Task<string?>>? LostAnswerFor(HttpListenerContext context)
    {
        var action = Volatile.Read(ref _loseAnswerOf);
        return action is not null && context.Request.Url!.AbsolutePath.EndsWith(action, StringComparison.Ordinal)
            && Interlocked.CompareExchange(ref _loseAnswerOf, null, action) == action
            ? DoneButAnswerLost
            : null;
    }

    public void NextSuccessFalse(int times = 1) => Enqueue(times, SuccessFalse);

    /// <summary>The next <c>package_show</c> of <paramref name="datasetId"/> answers 200 with <c>"success": false</c>; other datasets are served.</summary>
    public void NextSuccessFalseFor(string datasetId) => _failNextShowOf.Enqueue(datasetId);

    private static Task SuccessFalse(HttpListenerContext context) =>
        Answer(context, 200, "{\"help\": \"\", \"success\": false, \"error\": {\"__type\": \"Validation Error\", \"message\": \"resource invalid\"}}");

    private Func<HttpListenerContext, Task<string?>>? FailureFor(HttpListenerContext context)
    {
        var shown = context.Request.QueryString["id"];
        lock (_failNextShowOf)
        {
            if (shown is null || !context.Request.Url!.AbsolutePath.EndsWith("package_show", StringComparison.Ordinal)
                || !_failNextShowOf.TryPeek(out var failing) || failing != shown)
            {
                return null;
            }

            _failNextShowOf.TryDequeue(out _);
        }

        return async c =>
        {
            await SuccessFalse(c);
            return shown;
        };
    }

    private void Enqueue(int times, Func<HttpListenerContext, Task> step)
    {
        for (var i = 0; i < times; i++)
        {
            _script.Enqueue(async c =>
            {
                await step(c);
                return null;
            });
        }
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return; // stopped
            }

            _ = Task.Run(async () =>
            {
                var step = LostAnswerFor(context) ?? FailureFor(context) ?? (_script.TryDequeue(out var scripted) ? scripted : Normal);
                var dataset = await step(context);
                Requests.Enqueue((DateTimeOffset.UtcNow, context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], context.Response.StatusCode, dataset));
                context.Response.Close();
            });
        }
    }

    private async Task<string?> Normal(HttpListenerContext context)
    {
        var (status, json, dataset) = await HandleAsync(context);
        await Answer(context, status, json);
        return dataset;
    }

    /// <summary>Carries out a request as CKAN would and returns its answer (not yet sent) and the dataset it concerned.</summary>
    private async Task<(int Status, string Json, string? Dataset)> HandleAsync(HttpListenerContext context)
    {
        const string notFound = "{\"success\": false, \"error\": {\"__type\": \"Not Found Error\", \"message\": \"Not found\"}}";
        if (context.Request.Headers["Authorization"] != Token)
        {
            return (403, "{\"success\": false, \"error\": {\"__type\": \"Authorization Error\"}}", null);
        }

        var action = context.Request.Url!.AbsolutePath.Split('/').Last();
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        switch (action)
        {
            case "package_show":
                var shown = context.Request.QueryString["id"];
                if (shown is null || !_datasets.Contains(shown))
                {
                    return (404, notFound, shown);
                }

                JsonArray list;
                lock (_resources)
                {
                    list = new JsonArray(_resources.Where(r => (string?)r["package_id"] == shown).Select(r => (JsonNode)r.DeepClone()).ToArray());
                }

                return (200, new JsonObject { ["success"] = true, ["result"] = new JsonObject { ["id"] = shown, ["resources"] = list } }.ToJsonString(), shown);
            case "resource_create" or "resource_patch":
                var name = Field(body, "name");
                var id = Field(body, "id");
                var package = Field(body, "package_id");
                var size = body.Length;
                JsonObject resource;
                lock (_resources)
                {
                    if (action == "resource_create" && (package is null || !_datasets.Contains(package)))
                    {
                        return (404, notFound, package);
                    }

                    resource = action == "resource_create"
                        ? new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = name, ["package_id"] = package }
                        : _resources.Single(r => (string?)r["id"] == id);
                    if (action == "resource_create")
                    {
                        _resources.Add(resource);
                    }

                    resource["format"] = Field(body, "format");
                    resource["upload"] = Field(body, "upload");
                    resource["size"] = size;
                    resource["updates"] = ((int?)resource["updates"] ?? 0) + 1;
                }

                return (200, new JsonObject { ["success"] = true, ["result"] = resource.DeepClone() }.ToJsonString(), (string?)resource["package_id"]);
            default:
                return (404, "{\"success\": false}", null);
        }
    }

    /// <summary>A multipart form field's value, a file's text too (good enough for the pipeline's own forms).</summary>
    private static string? Field(string body, string name)
    {
        var at = new[] { $"name={name}\r\n", $"name=\"{name}\"\r\n", $"name={name};", $"name=\"{name}\";" }
            .Select(marker => body.IndexOf(marker, StringComparison.Ordinal))
            .FirstOrDefault(i => i >= 0, -1);
        if (at < 0)
        {
            return null;
        }

        var start = body.IndexOf("\r\n\r\n", at, StringComparison.Ordinal) + 4;
        var end = body.IndexOf("\r\n--", start, StringComparison.Ordinal);
        return body[start..end];
    }

    private static async Task Answer(HttpListenerContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=utf-8";
        var bytes = Encoding.UTF8.GetBytes(json);
        await context.Response.OutputStream.WriteAsync(bytes);
    }

    public void Dispose()
    {
        _stop.Cancel();
        // Close alone: it stops the listener and releases its port. After a Stop, the managed listener's Close removes
        // its prefix a second time, which binds the port again and fails when another process has taken it since
        // ("Address already in use", CkanPushTests in CI on 5349e39).
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }
}

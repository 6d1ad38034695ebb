using System.Globalization;

namespace Pipeline.Portal.Tests;

/// <summary>
/// The cookies a browser keeps for the portal, applied from each answer's <c>Set-Cookie</c> as a browser does (a cookie
/// set again replaces the one of the same name and path; one expired in the past is removed) and sent back by path.
/// The tests' server is plain HTTP on loopback, where a real cookie container would hold back Secure cookies.
/// </summary>
internal sealed class BrowserCookies
{
    private readonly Dictionary<(string Name, string Path), string> _cookies = [];

    /// <summary>How many cookies the browser holds.</summary>
    public int Count => _cookies.Count;

    /// <summary>Keeps, replaces or removes cookies as the answer's <c>Set-Cookie</c> headers say.</summary>
    public void Apply(HttpResponseMessage response)
    {
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var parts = header.Split(';').Select(p => p.Trim()).ToArray();
            var separator = parts[0].IndexOf('=', StringComparison.Ordinal);
            var name = parts[0][..separator];
            var value = parts[0][(separator + 1)..];
            var path = Attribute(parts, "path") ?? "/";
            var expired = Attribute(parts, "expires") is { } expires
                && DateTimeOffset.Parse(expires, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) <= DateTimeOffset.UtcNow;
            if (expired || value.Length == 0)
            {
                _cookies.Remove((name, path));
            }
            else
            {
                _cookies[(name, path)] = value;
            }
        }
    }

    /// <summary>Whether a cookie of that name is held (for any path).</summary>
    public bool Holds(string name) => _cookies.Keys.Any(k => k.Name == name);

    /// <summary>Adds the <c>Cookie</c> header a browser would send with <paramref name="request"/>.</summary>
    public HttpRequestMessage Attach(HttpRequestMessage request, Uri baseAddress)
    {
        var path = new Uri(baseAddress, request.RequestUri!).AbsolutePath;
        var sent = _cookies.Where(c => path.StartsWith(c.Key.Path, StringComparison.Ordinal)).Select(c => $"{c.Key.Name}={c.Value}").ToArray();
        if (sent.Length > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", sent));
        }

        return request;
    }

    private static string? Attribute(string[] parts, string name) =>
        parts.Skip(1).Select(p => p.Split('=', 2)).Where(p => p[0].Equals(name, StringComparison.OrdinalIgnoreCase)).Select(p => p.Length > 1 ? p[1] : "").FirstOrDefault();
}

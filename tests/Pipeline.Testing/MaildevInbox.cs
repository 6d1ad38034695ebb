using System.Text.Json;

namespace Pipeline.Testing;

/// <summary>A message as maildev received it over SMTP: the addresses, the subject, the decoded headers and text.</summary>
public sealed record ReceivedMail(
    string Subject, string From, IReadOnlyList<string> To, IReadOnlyList<string> Cc, IReadOnlyDictionary<string, string> Headers, string Text);

/// <summary>
/// One maildev per test class (an xUnit class fixture): a real SMTP server on free loopback ports with its own mail
/// folder, read back through its REST API (<c>/api/email</c>, maildev 3's path). Fails loudly when maildev cannot start.
/// </summary>
public sealed class MaildevInbox : IDisposable
{
    private readonly HttpClient _http;

    public MaildevInbox()
        : this(MaildevProcess.Start(RepositoryRoot.Find()))
    {
    }

    private MaildevInbox(MaildevProcess server)
    {
        Server = server;
        _http = new HttpClient { BaseAddress = Server.Inbox, Timeout = TimeSpan.FromSeconds(30) };
    }

    public MaildevProcess Server { get; }

    /// <summary>A maildev whose SMTP server listens on <paramref name="smtpPort"/>.</summary>
    public static MaildevInbox On(int smtpPort) => new(MaildevProcess.Start(RepositoryRoot.Find(), smtpPort));

    /// <summary>The settings that send reminders to this server (no TLS, no authentication: loopback only).</summary>
    public IDictionary<string, string?> Settings(string portalUrl = "https://portal.example.jp/") => new Dictionary<string, string?>
    {
        ["Reminders:Smtp:Host"] = "127.0.0.1",
        ["Reminders:Smtp:Port"] = Server.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Reminders:Smtp:UseStartTls"] = "false",
        ["Reminders:From"] = "shinchoku@example.jp",
        ["Reminders:PortalUrl"] = portalUrl,
    };

    /// <summary>Every message received, in arrival order.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> MessagesAsync()
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync(new Uri("api/email?sort=asc", UriKind.Relative)));
        return json.RootElement.EnumerateArray().Select(m => new ReceivedMail(
            m.GetProperty("subject").GetString() ?? "",
            m.GetProperty("from")[0].GetProperty("address").GetString() ?? "",
            Addresses(m, "to"), Addresses(m, "cc"),
            m.GetProperty("headers").EnumerateObject().ToDictionary(h => h.Name, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            m.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "")).ToList();
    }

    /// <summary>Empties the inbox (between the tests of a class).</summary>
    public async Task ClearAsync()
    {
        using var response = await _http.DeleteAsync(new Uri("api/email/all", UriKind.Relative));
        response.EnsureSuccessStatusCode();
    }

    public void Dispose()
    {
        _http.Dispose();
        Server.Dispose();
    }

    private static string[] Addresses(JsonElement message, string field) =>
        message.TryGetProperty(field, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(a => a.GetProperty("address").GetString() ?? "").ToArray()
            : [];
}

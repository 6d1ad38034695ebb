using System.Text.Json;

namespace Pipeline.Cli.Tests;

/// <summary><c>pipeline contacts</c> and <c>pipeline remind</c> (RULES.md §12) on Azurite, with the 4th plan's samples.</summary>
public sealed class RemindCommandTests
{
    private readonly Cli _cli = new();

    [Fact]
    public async Task Contacts_are_set_listed_and_refused_when_not_addresses_and_a_dry_run_prints_the_reminders_as_json()
    {
        foreach (var department in Directory.EnumerateDirectories(Path.Combine(RepositoryRoot.Find(), "samples", "submissions")))
        {
            var name = Path.GetFileName(department);
            Assert.Equal(0, (await _cli.RunAsync(["ingest", "--department", name, .. Directory.GetFiles(department)])).Exit);
        }

        var set = await _cli.RunAsync("contacts", "--department", "chiiki-houkatsu", "--set", "a@example.jp, b@example.jp");
        Assert.Equal((0, "kumamoto-welfare-4 chiiki-houkatsu: a@example.jp, b@example.jp"), (set.Exit, set.Output.Trim()));
        Assert.Equal(0, (await _cli.RunAsync("contacts", "--secretariat", "--set", "jimukyoku@example.jp")).Exit);
        var list = await _cli.RunAsync("contacts", "--list");
        Assert.Contains("chiiki-houkatsu: a@example.jp, b@example.jp", list.Output, StringComparison.Ordinal);
        Assert.Contains("shakyo: (none)", list.Output, StringComparison.Ordinal);
        Assert.Contains("secretariat: jimukyoku@example.jp", list.Output, StringComparison.Ordinal);
        var bad = await _cli.RunAsync("contacts", "--department", "shakyo", "--set", "山田 <yamada@example.jp>");
        Assert.Equal(2, bad.Exit);
        Assert.Contains("not an e-mail address", bad.Error, StringComparison.Ordinal);

        var dry = await _cli.RunAsync("remind", "--as-of", "2025-05-01", "--dry-run", "--json");
        Assert.Equal(0, dry.Exit);
        var reminders = JsonDocument.Parse(dry.Output).RootElement.EnumerateArray().ToList();
        var chiiki = reminders.Single(r => r.GetProperty("departmentId").GetString() == "chiiki-houkatsu");
        Assert.Equal("kumamoto-welfare-4", chiiki.GetProperty("planId").GetString());
        Assert.Equal(["a@example.jp", "b@example.jp"], chiiki.GetProperty("to").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("before_due", chiiki.GetProperty("kind").GetString());
        Assert.Equal("II-1-K1 2024", string.Join(", ", chiiki.GetProperty("items").EnumerateArray()
            .Select(i => $"{i.GetProperty("id").GetString()} {i.GetProperty("fiscalYear").GetInt32()}")));
        // Every department owes FY2024 on 1 May 2025; one without addresses is listed with none, and nothing is sent.
        Assert.Equal(5, reminders.Count);
        Assert.Empty(reminders.Single(r => r.GetProperty("departmentId").GetString() == "shakyo").GetProperty("to").EnumerateArray());
        Assert.All(reminders, r => Assert.Equal("dry_run", r.GetProperty("delivery").GetString()));

        // Sending needs a mail server.
        var send = await _cli.RunAsync("remind", "--as-of", "2025-05-01");
        Assert.Equal(1, send.Exit);
        Assert.StartsWith("pipeline: no mail server is configured: set Reminders__Smtp__Host", send.Error, StringComparison.Ordinal);
        Assert.Equal(2, (await _cli.RunAsync("remind", "--as-of", "1 May")).Exit);
    }
}

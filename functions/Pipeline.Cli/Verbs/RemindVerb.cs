using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Application.Reminders;
using Pipeline.Domain.Calendar;
using Pipeline.Domain.Json;
using Pipeline.Domain.Reminders;

namespace Pipeline.Cli.Verbs;

/// <summary>
/// <c>pipeline remind [--plan P] [--as-of yyyy-MM-dd] [--dry-run] [--json]</c>: the timer's reminder run now (RULES.md
/// §12);
/// <c>--dry-run</c> decides and sends nothing. Exit 1 when a reminder failed to send.
/// </summary>
internal static class RemindVerb
{
    private static readonly JsonSerializerOptions Json = PipelineJson.CreateOptions(RemindJsonContext.Default);

    public static Command Create(TextWriter output, TextWriter error, IDictionary<string, string?>? settings)
    {
        var plan = VerbOptions.Plan();
        var asOf = VerbOptions.AsOf();
        var dryRun = new Option<bool>("--dry-run") { Description = "decide only; send and record nothing" };
        var json = new Option<bool>("--json") { Description = "print the reminders as JSON" };
        var remind =
            new Command("remind", "提出督促メールを今すぐ判定・送信する / decide and send the reminders due now") { plan, asOf, dryRun,
                json };
        remind.SetAction((parse, ct) => RunAsync(parse.GetValue(plan), parse.GetValue(asOf), parse.GetValue(dryRun),
            parse.GetValue(json), output, error, settings, ct));
        return remind;
    }

    private static async Task<int> RunAsync(
        string? planId, string? asOf, bool dryRun, bool json, TextWriter output, TextWriter error,
        IDictionary<string, string?>? settings, CancellationToken ct)
    {
        using var host = CliHost.Build(settings);
        if (planId is not null && PlanOption.Resolve(host, planId, error) is null)
        {
            return ExitCode.Usage;
        }

        // The reminders are decided for the day --as-of names; without it the service judges by its own clock.
        if (await AsOfClock.FromOptionAsync(asOf, error) is not { } clock)
        {
            return ExitCode.Usage;
        }

        DateOnly? day = asOf is null ? null : JapanCalendar.DayOf(clock.GetUtcNow());
        if (!dryRun && !host.Get<ReminderSettings>().MailServerConfigured)
        {
            await error.WriteLineAsync(
                "pipeline: no mail server is configured: set Reminders__Smtp__Host (and Reminders__From)");
            await error.WriteLineAsync("or run with --dry-run to see what would be sent");
            return ExitCode.Rejected;
        }

        var outcomes = await host.Get<ReminderService>().RunAsync(new ReminderRequest(planId, day, dryRun), ct);
        if (json)
        {
            var lines =
                outcomes.Select(o =>
                    new ReminderLine(o.Decision.PlanId, o.Decision.DepartmentId, o.To, o.Cc, o.Decision.Kind,
                o.Decision.Items.Select(i => new ReminderLineItem(i.Id, i.FiscalYear)).ToList(), o.Delivery, o.Error))
                    .ToList();
            await output.WriteLineAsync(
                JsonSerializer.Serialize(lines, PipelineJson.TypeInfo<List<ReminderLine>>(Json)));
        }
        else
        {
            foreach (var o in outcomes)
            {
                await output.WriteLineAsync(
                    $"{o.Decision.PlanId} {o.Decision.DepartmentId} {PipelineJson.Name(o.Decision.Kind)} " +
                    $"{o.Decision.Items.Count} item(s) → " +
                    $"{(o.To.Count == 0 ? "(no contacts)" : string.Join(", ", o.To))}" +
                    $"{(o.Cc.Count > 0 ? " cc " + string.Join(", ", o.Cc) : "")}: " +
                        $"{PipelineJson.Name(o.Delivery)}{(o.Error is null ? "" : " " + o.Error)}");
            }

            await output.WriteLineAsync(
                $"{outcomes.Count} reminder(s) {(dryRun ? "decided (dry run, nothing sent)" : "")}".TrimEnd());
        }

        return outcomes.Any(o => o.Delivery == ReminderDelivery.Failed) ? ExitCode.Rejected : ExitCode.Ok;
    }

    internal sealed record ReminderLine(
        string PlanId, string DepartmentId, IReadOnlyList<string> To, IReadOnlyList<string> Cc, ReminderKind Kind,
        IReadOnlyList<ReminderLineItem> Items, ReminderDelivery Delivery, string? Error);

    internal sealed record ReminderLineItem(string Id, int FiscalYear);
}

/// <summary>Type information for <c>pipeline remind --json</c>.</summary>
[JsonSerializable(typeof(List<RemindVerb.ReminderLine>))]
internal sealed partial class RemindJsonContext : JsonSerializerContext;

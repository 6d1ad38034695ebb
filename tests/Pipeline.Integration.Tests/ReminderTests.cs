using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Application.Ports;
using Pipeline.Application.Reminders;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Uploads;
using Pipeline.Functions;
using Pipeline.Testing;

namespace Pipeline.Integration.Tests;

/// <summary>
/// RULES.md §12 against a real SMTP server (maildev, one for the class) and Azurite: the 4th plan with the samples, whose
/// FY2024 results (due 30 June 2025) are missing for every department, except jutaku-seisaku, which the test gives its
/// only result (III-1-K2 FY2024) and which is asked for no initiative (kenko-fukushi-seisaku and shakyo evaluated them
/// in earlier years). The timer function runs at 09:00 JST on the days named.
/// </summary>
public sealed class ReminderTests(MaildevInbox inbox) : IClassFixture<MaildevInbox>, IDisposable
{
    private const string Plan = "kumamoto-welfare-4";

    private static readonly PlanId PlanKey = PlanId.Parse(Plan);
    private static readonly string[] Owing = ["chiiki-houkatsu", "kenko-fukushi-seisaku", "seikatsu-jiritsu", "shakyo"];
    private readonly List<TestPipeline> _pipelines = [];
    private readonly Dictionary<TestPipeline, FakeTimeProvider> _clocks = [];
    private readonly CapturedLogs _logs = new();

    public void Dispose()
    {
        foreach (var pipeline in _pipelines)
        {
            pipeline.Dispose();
        }
    }

    private async Task<TestPipeline> PipelineAsync(IDictionary<string, string?> settings, bool everyContact = true)
    {
        // A clock of its own that starts before the days the test runs the timer on (the pipeline's own starts in 2026).
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 4, 30, 0, 0, 0, TimeSpan.Zero));
        var pipeline = new TestPipeline(Azurite.Instance, b =>
        {
            b.Services.AddSingleton<TimeProvider>(clock);
            b.Logging.AddProvider(_logs);
        }, settings);
        _clocks[pipeline] = clock;
        _pipelines.Add(pipeline);
        var root = Path.Combine(RepositoryRoot.Find(), "samples", "submissions");
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(root, file).Replace('\\', '/');
            Assert.Equal(UploadStatus.Accepted, (await Uploads.IngestAsync(pipeline, name, await File.ReadAllBytesAsync(file))).Status);
        }

        var fy2024 = "\uFEFFindicator_id,fiscal_year,value\nIII-1-K2,令和６年度,402\n"u8.ToArray();
        Assert.Equal(UploadStatus.Accepted, (await Uploads.IngestAsync(pipeline, "jutaku-seisaku/R6.csv", fy2024)).Status);
        var contacts = pipeline.Get<IContactStore>();
        foreach (var department in everyContact ? [.. Owing, "jutaku-seisaku"] : new[] { "chiiki-houkatsu" })
        {
            await contacts.SetAsync(ContactOwner.Department(PlanId.Parse(Plan), DepartmentId.Parse(department)), [$"{department}@example.jp"], CancellationToken.None);
        }

        await contacts.SetAsync(ContactOwner.Secretariat(PlanId.Parse(Plan)), ["jimukyoku@example.jp", "chiiki-fukushi@example.jp"], CancellationToken.None);
        return pipeline;
    }

    /// <summary>The timer at 09:00 JST (00:00 UTC) of the day.</summary>
    private async Task TimerAsync(TestPipeline pipeline, int year, int month, int day)
    {
        _clocks[pipeline].SetUtcNow(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero));
        await new SendReminders(pipeline.Get<ReminderService>()).Run(new TimerInfo(), CancellationToken.None);
    }

    [Fact]
    public async Task On_1_May_and_1_June_each_department_owing_fy2024_gets_one_message_none_goes_to_one_owing_nothing_and_a_rerun_sends_nothing_twice()
    {
        await inbox.ClearAsync();
        var pipeline = await PipelineAsync(inbox.Settings());

        await TimerAsync(pipeline, 2025, 5, 1);
        var may = await inbox.MessagesAsync();
        Assert.Equal(Owing, may.Select(m => m.To.Single()).Order(StringComparer.Ordinal).Select(a => a.Split('@')[0]));
        Assert.All(may, m =>
        {
            Assert.Equal("shinchoku@example.jp", m.From);
            Assert.Empty(m.Cc);
            Assert.StartsWith("【実績提出のお願い】第4次熊本市地域福祉計画・地域福祉活動計画", m.Subject, StringComparison.Ordinal);
            Assert.Contains("（締切 2025年6月30日） / Results due 30 June 2025", m.Subject, StringComparison.Ordinal);
            Assert.Equal($"{Plan}/{m.To[0].Split('@')[0]}/2025-05-01", m.Headers["x-pipeline-reminder"]);
            Assert.Contains("2025年6月30日までにご提出ください。", m.Text, StringComparison.Ordinal);
            Assert.Contains("提出（ポータル）: https://portal.example.jp/api/portal/", m.Text, StringComparison.Ordinal);
            Assert.Contains($"提出用テンプレート: https://portal.example.jp/api/plans/{Plan}/departments/{m.To[0].Split('@')[0]}/template",
                m.Text, StringComparison.Ordinal);
            // English below the Japanese.
            Assert.True(m.Text.IndexOf("Please submit them by 30 June 2025.", StringComparison.Ordinal) > m.Text.IndexOf("ご担当者様", StringComparison.Ordinal));
        });
        // 地域包括ケア推進室 owes II-1-K1 (通いの場) for FY2024 and nothing else.
        var chiiki = may.Single(m => m.To[0] == "chiiki-houkatsu@example.jp");
        Assert.Contains("・II-1-K1 住民主体の通いの場（定期的に介護予防活動等を行うための場）の数（令和6年度 / FY2024）成果指標の実績値", chiiki.Text, StringComparison.Ordinal);
        Assert.Equal(1, chiiki.Text.Split('\n').Count(l => l.StartsWith('・')));
        Assert.DoesNotContain("FY2023", chiiki.Text, StringComparison.Ordinal);
        // 健康福祉政策課 evaluated the city's initiatives before: its message asks for their FY2024 evaluations too, each
        // named with its id, in Japanese and in English.
        var kenko = may.Single(m => m.To[0] == "kenko-fukushi-seisaku@example.jp").Text.Split('\n')
            .Select(l => l.TrimEnd('\r')).ToList();
        var initiatives = kenko.Where(l => l.StartsWith('・') && l.EndsWith("取組の評価", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(initiatives);
        Assert.All(initiatives, l => Assert.Matches(@"^・[IV]+-\d-\d-[a-z] \S.*（令和6年度 / FY2024）取組の評価$", l));
        Assert.Equal(initiatives.Count, kenko.Count(l => l.StartsWith("- ", StringComparison.Ordinal)
            && l.EndsWith("(FY2024, initiative)", StringComparison.Ordinal)));

        // The timer again the same day (a rerun, a redelivery): nothing more.
        await TimerAsync(pipeline, 2025, 5, 1);
        Assert.Equal(4, (await inbox.MessagesAsync()).Count);
        // A day that is no reminder date: nothing.
        await TimerAsync(pipeline, 2025, 5, 2);
        Assert.Equal(4, (await inbox.MessagesAsync()).Count);

        await TimerAsync(pipeline, 2025, 6, 1);
        var june = (await inbox.MessagesAsync()).Skip(4).ToList();
        Assert.Equal(Owing, june.Select(m => m.To.Single()).Order(StringComparer.Ordinal).Select(a => a.Split('@')[0]));
        Assert.All(june, m => Assert.EndsWith("/2025-06-01", m.Headers["x-pipeline-reminder"], StringComparison.Ordinal));
        var record = await pipeline.Get<IReminderLedger>().FindAsync(
            PlanKey, DepartmentId.Parse("chiiki-houkatsu"), new DateOnly(2025, 6, 1), CancellationToken.None);
        Assert.Equal((ReminderStatus.Sent, 1), (record!.Status, record.Attempts));
        Assert.Null(await pipeline.Get<IReminderLedger>().FindAsync(
            PlanKey, DepartmentId.Parse("jutaku-seisaku"), new DateOnly(2025, 6, 1), CancellationToken.None));
    }

    [Fact]
    public async Task A_week_after_the_due_date_the_department_is_reminded_of_what_is_overdue_with_the_secretariat_in_copy()
    {
        await inbox.ClearAsync();
        var pipeline = await PipelineAsync(inbox.Settings());

        // 7 July 2025 is 7 days after the due date 30 June 2025.
        await TimerAsync(pipeline, 2025, 7, 7);
        var july = await inbox.MessagesAsync();
        Assert.Equal(Owing, july.Select(m => m.To.Single()).Order(StringComparer.Ordinal).Select(a => a.Split('@')[0]));
        Assert.All(july, m =>
        {
            Assert.Equal(["jimukyoku@example.jp", "chiiki-fukushi@example.jp"], m.Cc);
            Assert.StartsWith("【実績提出期限超過】", m.Subject, StringComparison.Ordinal);
            Assert.Contains("提出期限（2025年6月30日）を過ぎています。", m.Text, StringComparison.Ordinal);
        });
        var chiiki = july.Single(m => m.To[0] == "chiiki-houkatsu@example.jp");
        Assert.Contains("・II-1-K1 ", chiiki.Text, StringComparison.Ordinal);

        // The next day is no reminder day; a week later it goes again, while the items stay overdue: 地域包括ケア推進室
        // sends its FY2024 result meanwhile, so it is left out on 14 July and the other three are written to again.
        await TimerAsync(pipeline, 2025, 7, 8);
        Assert.Equal(4, (await inbox.MessagesAsync()).Count);
        var fy2024 = "\uFEFFindicator_id,fiscal_year,value\nII-1-K1,令和６年度,770\n"u8.ToArray();
        Assert.Equal(UploadStatus.Accepted, (await Uploads.IngestAsync(pipeline, "chiiki-houkatsu/R6.csv", fy2024)).Status);
        await TimerAsync(pipeline, 2025, 7, 14);
        var again = (await inbox.MessagesAsync()).Skip(4).ToList();
        Assert.Equal(Owing.Where(d => d != "chiiki-houkatsu"),
            again.Select(m => m.To.Single()).Order(StringComparer.Ordinal).Select(a => a.Split('@')[0]));
        Assert.All(again, m => Assert.EndsWith("/2025-07-14", m.Headers["x-pipeline-reminder"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_connection_is_recorded_as_failed_and_sent_on_the_next_run()
    {
        var port = Pipeline.Development.LoopbackPort.Free(); // nothing listens there yet
        var settings = inbox.Settings();
        settings["Reminders:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var pipeline = await PipelineAsync(settings, everyContact: false);
        var ledger = pipeline.Get<IReminderLedger>();

        await TimerAsync(pipeline, 2025, 5, 1);
        var failed = await ledger.FindAsync(
            PlanKey, DepartmentId.Parse("chiiki-houkatsu"), new DateOnly(2025, 5, 1), CancellationToken.None);
        Assert.Equal((ReminderStatus.Failed, 1), (failed!.Status, failed.Attempts));
        Assert.Contains($"SMTP 127.0.0.1:{port}: SocketException", failed.LastError, StringComparison.Ordinal);
        // Logged with its exception, saying the next run tries again.
        var logged = Assert.Single(_logs.Entries,
            e => e.Level == LogLevel.Error && e.Message.Contains("Reminder", StringComparison.Ordinal));
        Assert.StartsWith($"Reminder to chiiki-houkatsu of {Plan} for ", logged.Message, StringComparison.Ordinal);
        Assert.EndsWith("failed (transient: True); the next run tries again", logged.Message, StringComparison.Ordinal);
        Assert.IsType<MailSendException>(logged.Exception);
        // Departments without contact addresses are not recorded: they are written to once addresses are set; the log
        // says so.
        Assert.Null(await ledger.FindAsync(
            PlanKey, DepartmentId.Parse("shakyo"), new DateOnly(2025, 5, 1), CancellationToken.None));
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning
            && e.Message.StartsWith($"Reminder to shakyo of {Plan} not sent: it owes", StringComparison.Ordinal));

        // The server is up by the next run (2 May, no reminder date): the failed reminder of 1 May goes now, once.
        using var late = MaildevInbox.On(port);
        await TimerAsync(pipeline, 2025, 5, 2);
        await TimerAsync(pipeline, 2025, 5, 3);
        var arrived = await late.MessagesAsync();
        Assert.Equal($"{Plan}/chiiki-houkatsu/2025-05-01", arrived.Single().Headers["x-pipeline-reminder"]);
        Assert.Contains("・II-1-K1 ", arrived.Single().Text, StringComparison.Ordinal);
        var sent = await ledger.FindAsync(
            PlanKey, DepartmentId.Parse("chiiki-houkatsu"), new DateOnly(2025, 5, 1), CancellationToken.None);
        Assert.Equal((ReminderStatus.Sent, 2), (sent!.Status, sent.Attempts));
    }
}

using Microsoft.Extensions.Logging;
using Pipeline.Application.Obligations;
using Pipeline.Application.Ports;
using Pipeline.Domain.Calendar;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Reminders;

namespace Pipeline.Application.Reminders;

/// <summary>
/// The reminders' run (RULES.md §12), for the timer <c>SendReminders</c> and <c>pipeline remind</c> alike: per plan and
/// department, today's reminder from the obligations, or else the latest one that failed, claimed in the ledger before
/// it is sent so that nothing goes twice; a failed send is recorded and logged, and tried again next run.
/// </summary>
public sealed partial class ReminderService(
    PlanSet plans,
    ObligationService obligations,
    IUploadLedger uploads,
    IObservationStore store,
    IContactStore contacts,
    IReminderLedger ledger,
    IReminderMailer mailer,
    ReminderSettings settings,
    JapanCalendar calendar,
    TimeProvider clock,
    ILogger<ReminderService> logger)
{
    /// <summary>Decides, and unless a dry run sends, every reminder due; returns each with what became of it.</summary>
    public async Task<IReadOnlyList<ReminderOutcome>> RunAsync(ReminderRequest request,
        CancellationToken cancellationToken)
    {
        var day = request.AsOf ?? calendar.Today;
        if (!request.DryRun && !settings.MailServerConfigured)
        {
            LogNotConfigured();
            return [];
        }

        var outcomes = new List<ReminderOutcome>();
        foreach (var plan in request.PlanId is { } id
            ? [plans.Find(id) ?? throw new ArgumentException($"Unknown plan '{id}'.")] : plans.Plans)
        {
            var occasions = ReminderCalendar.On(plan, day, calendar);
            var failed = request.DryRun ? [] : await ledger.FailedAsync(plan.Id, cancellationToken);
            if (occasions.Count == 0 && failed.Count == 0)
            {
                continue;
            }

            var secretariat = await contacts.AddressesAsync(ContactOwner.Secretariat(plan.Id), cancellationToken);
            var initiatives = await InitiativeEvaluators.ReadAsync(plan, uploads, store, cancellationToken);
            foreach (var department in plan.Departments)
            {
                var waiting = failed.Where(f => f.DepartmentId == department.Id).OrderBy(f => f.Day).ToList();
                if (await DecideAsync(plan, department, occasions, day, waiting, initiatives,
                    cancellationToken) is not { } decision)
                {
                    continue;
                }

                var to =
                    await contacts.AddressesAsync(
                        ContactOwner.Department(plan.Id, department.Id), cancellationToken);
                var cc = decision.Kind == ReminderKind.Overdue ? secretariat : [];
                outcomes.Add(request.DryRun
                    ? new ReminderOutcome(decision, to, cc, ReminderDelivery.DryRun)
                    : await SendAsync(plan, department, decision, to, cc, cancellationToken));
            }
        }

        return outcomes;
    }

    /// <summary>Today's reminder; else the latest failed one, with what is owed now; older failed ones are
    /// superseded.</summary>
    private async Task<ReminderDecision?> DecideAsync(
        Plan plan, Department department, IReadOnlyList<ReminderOccasion> occasions, DateOnly day,
        List<ReminderRecord> waiting, InitiativeEvaluators initiatives, CancellationToken cancellationToken)
    {
        if (occasions.Count == 0 && waiting.Count == 0)
        {
            return null;
        }

        var owed = await obligations.ForAsync(plan, department, cancellationToken);
        var decision = occasions.Count > 0 ? ReminderPlanner.Decide(owed, occasions, day, initiatives) : null;
        if (decision is null && waiting.Count > 0)
        {
            var last = waiting[^1];
            waiting.RemoveAt(waiting.Count - 1);
            decision =
                ReminderPlanner.Decide(owed, ReminderCalendar.On(plan, last.Day, calendar), last.Day, initiatives);
            if (decision is null)
            {
                waiting.Add(last); // nothing is owed any more
            }
        }

        foreach (var old in waiting.Where(w => w.Day != decision?.Day))
        {
            await ledger.RecordAsync(old.PlanId, old.DepartmentId, old.Day, ReminderStatus.Superseded, null,
                clock.GetUtcNow(), cancellationToken);
        }

        return decision;
    }

    private async Task<ReminderOutcome> SendAsync(
        Plan plan, Department department, ReminderDecision decision, IReadOnlyList<string> to, IReadOnlyList<string> cc,
        CancellationToken cancellationToken)
    {
        if (to.Count == 0)
        {
            LogNoContacts(plan.Id.Value, department.Id.Value, decision.Items.Count);
            return new ReminderOutcome(decision, to, cc, ReminderDelivery.NoContacts);
        }

        var (planId, departmentId) = (plan.Id, department.Id);

        if (!await ledger.TryClaimAsync(planId, departmentId, decision.Day, decision.Kind, clock.GetUtcNow(),
            cancellationToken))
        {
            return new ReminderOutcome(decision, to, cc, ReminderDelivery.AlreadySent);
        }

        var mail = ReminderText.Compose(plan, department, decision, to, cc, settings);
        try
        {
            await mailer.SendAsync(mail, cancellationToken);
        }
        catch (MailSendException e)
        {
            await ledger.RecordAsync(planId, departmentId, decision.Day, ReminderStatus.Failed, e.Message,
                clock.GetUtcNow(), cancellationToken);
            LogFailed(e, plan.Id.Value, department.Id.Value, decision.Day, e.Transient);
            return new ReminderOutcome(decision, to, cc, ReminderDelivery.Failed, e.Message);
        }

        await ledger.RecordAsync(planId, departmentId, decision.Day, ReminderStatus.Sent, null, clock.GetUtcNow(),
            cancellationToken);
        LogSent(plan.Id.Value, department.Id.Value, decision.Day, decision.Kind, decision.Items.Count, to.Count,
            cc.Count);
        return new ReminderOutcome(decision, to, cc, ReminderDelivery.Sent);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Reminders are not sent: no mail server is configured (Reminders__Smtp__Host)")]
    private partial void LogNotConfigured();

    [LoggerMessage(Level = LogLevel.Warning,
        Message =
            "Reminder to {DepartmentId} of {PlanId} not sent: it owes {Items} result(s) but has no contact addresses " +
                "(pipeline contacts --set)")]
    private partial void LogNoContacts(string planId, string departmentId, int items);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Reminder to {DepartmentId} of {PlanId} for {Day} failed (transient: {Transient}); " +
            "the next run tries again")]
    private partial void LogFailed(Exception exception, string planId, string departmentId, DateOnly day,
        bool transient);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Reminder {Kind} to {DepartmentId} of {PlanId} for {Day}: {Items} item(s), {To} to, {Cc} cc")]
    private partial void LogSent(string planId, string departmentId, DateOnly day, ReminderKind kind, int items,
        int to, int cc);
}

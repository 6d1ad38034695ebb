using Microsoft.Azure.Functions.Worker;
using Pipeline.Application.Reminders;

namespace Pipeline.Functions;

/// <summary>
/// The reminders' timer (RULES.md §12): every day, the reminders due to departments are sent, and those that failed are
/// tried again. The schedule is the app setting RemindersSchedule, by default <c>0 0 0 * * *</c>: 00:00 UTC is 09:00
/// JST,
/// in UTC because Flex Consumption ignores WEBSITE_TIME_ZONE.
/// </summary>
public sealed class SendReminders(ReminderService reminders)
{
    [Function(nameof(SendReminders))]
    public Task Run([TimerTrigger("%RemindersSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        reminders.RunAsync(new ReminderRequest(), cancellationToken);
}

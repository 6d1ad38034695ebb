using System.Globalization;
using Pipeline.Domain.Calendar;

namespace Pipeline.Cli.Verbs;

/// <summary>
/// The clock of <c>--as-of yyyy-MM-dd</c>: the system clock moved by whole days so that today, in JST, is that day;
/// the time of day still runs. A verb given it judges everything (plan status, due years, the feed's time) as on
/// that day.
/// </summary>
internal sealed class AsOfClock(DateOnly day, TimeProvider system) : TimeProvider
{
    private readonly TimeSpan _shift =
        TimeSpan.FromDays(day.DayNumber - JapanCalendar.DayOf(system.GetUtcNow()).DayNumber);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => system.GetUtcNow() + _shift;

    /// <summary>
    /// The clock for the option's value: the system clock when it is absent, null (after telling
    /// <paramref name="error"/> what is wrong) when it is not a day written yyyy-MM-dd.
    /// </summary>
    public static async Task<TimeProvider?> FromOptionAsync(string? asOf, TextWriter error)
    {
        if (asOf is null)
        {
            return System;
        }

        if (DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new AsOfClock(day, System);
        }

        await error.WriteLineAsync($"--as-of '{asOf}' is not a day written yyyy-MM-dd");
        await error.WriteLineAsync(ExitCode.UsageLine);
        return null;
    }
}

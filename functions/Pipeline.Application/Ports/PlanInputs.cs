using System.Globalization;
using Pipeline.Domain.Calendar;
using Pipeline.Domain.Catalogue;

namespace Pipeline.Application.Ports;

/// <summary>
/// Everything a plan's feed is computed from apart from the stored rows (docs/storage-and-publication.md): the plan
/// file, the code, the ledger's stamp of accepted uploads and the dates the feed depends on. Equal
/// inputs and equal rows give an equal feed; rows change only through a commit, which changes the stamp.
/// </summary>
public sealed record PlanInputs(string DefinitionHash, string CodeVersion, string LedgerStamp, string Calendar)
{
    /// <summary>
    /// The dates the feed depends on at <paramref name="now"/> (RULES.md §4 and §7): the last fiscal year whose
    /// results are due (overdue flags), the plan's status (closed after its last results are due), the
    /// latest fiscal year that has ended (partial years) and the due rule itself (named in the feed).
    /// </summary>
    public static string CalendarOf(Plan plan, JapanCalendar calendar, DateTimeOffset now)
    {
        var lastEnded = JapanCalendar.FiscalYearOf(JapanCalendar.DayOf(now)).Value - 1;
        var lastDue = calendar.LastDue(plan, now)?.Value.ToString(CultureInfo.InvariantCulture) ?? "-";
        return string.Create(CultureInfo.InvariantCulture,
            $"due:{lastDue};status:{calendar.StatusOf(plan, now)};ended:{lastEnded};rule:{calendar.ResultsDue}");
    }
}

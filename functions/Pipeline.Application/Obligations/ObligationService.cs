using Pipeline.Application.Ports;
using Pipeline.Domain.Calendar;
using Pipeline.Domain.Catalogue;

namespace Pipeline.Application.Obligations;

/// <summary>
/// What a department owes (RULES.md §9): each indicator it owns and each initiative it may evaluate, for every
/// fiscal year of the plan; received when an accepted upload gave a value (any area or month) or an evaluation;
/// overdue once 30 June (JST) after the fiscal year has passed (<see cref="JapanCalendar"/>).
/// </summary>
public sealed class ObligationService(IUploadLedger ledger, IObservationStore store, JapanCalendar calendar, TimeProvider clock)
{
    public async Task<ObligationsDocument> ForAsync(Plan plan, Department department, CancellationToken cancellationToken)
    {
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var upload in ledger.AcceptedAsync(plan.Id, cancellationToken))
        {
            if (upload.DepartmentId == department.Id)
            {
                accepted.Add(upload.UploadId);
            }
        }

        var indicators = plan.Indicators.Where(i => Plan.MaySubmit(department, i)).ToArray();
        var initiatives = plan.Initiatives.Where(i => Plan.MayEvaluate(department, i)).ToArray();
        var received = new HashSet<(string Id, int FiscalYear)>();
        if (indicators.Length > 0)
        {
            await foreach (var o in store.ObservationsAsync(plan, cancellationToken))
            {
                if (accepted.Contains(o.UploadId))
                {
                    received.Add((o.IndicatorId, o.FiscalYear.Value));
                }
            }
        }

        if (initiatives.Length > 0)
        {
            await foreach (var e in store.EvaluationsAsync(plan, cancellationToken))
            {
                if (accepted.Contains(e.UploadId))
                {
                    received.Add((e.InitiativeId, e.FiscalYear.Value));
                }
            }
        }

        var now = clock.GetUtcNow();
        var today = JapanCalendar.DayOf(now);
        var years = Enumerable.Range(plan.StartFiscalYear.Value, plan.EndFiscalYear.Value - plan.StartFiscalYear.Value + 1).ToArray();
        ObligationYear[] Years(string id) => years
            .Select(fy => new ObligationYear(fy, received.Contains((id, fy)) ? ObligationState.Received
                : calendar.IsPastDue(new FiscalYear(fy), today) ? ObligationState.Overdue : ObligationState.Missing))
            .ToArray();
        var items = indicators.Select(i => new ObligationItem("indicator", i.Id, i.Name, Years(i.Id)))
            .Concat(initiatives.Select(i => new ObligationItem("initiative", i.Id, i.Name, Years(i.Id))))
            .ToArray();
        var totals = years.Select((fy, index) => new FiscalYearObligation(fy, calendar.ResultsDueDate(new FiscalYear(fy)),
                items.Count(i => i.Years[index].State == ObligationState.Received),
                items.Count(i => i.Years[index].State == ObligationState.Missing),
                items.Count(i => i.Years[index].State == ObligationState.Overdue)))
            .ToArray();
        return new ObligationsDocument(plan.Id, department.Id, now, totals, items);
    }
}

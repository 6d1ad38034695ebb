using Pipeline.Application.Ports;
using Pipeline.Domain.Calendar;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Uploads;

namespace Pipeline.Application.Obligations;

/// <summary>
/// What a department owes (RULES.md §9): each indicator it owns and each initiative it may evaluate, for every
/// fiscal year of the plan; received when a committed upload (accepted, or a duplicate committed with its rows,
/// RULES.md §2) gave a value (any area or month) or an evaluation;
/// pending review when an upload giving it waits for the secretariat, returned when the secretariat returned the
/// upload that gave it and none was accepted (RULES.md §14); overdue once 30 June (JST) after the fiscal year has
/// passed (<see cref="JapanCalendar"/>). The secretariat's overview asks for every department of the plan at once.
/// </summary>
public sealed class ObligationService(
    IUploadLedger ledger, IReviewLedger reviews, IObservationStore store, JapanCalendar calendar, TimeProvider clock)
{
    public async Task<ObligationsDocument> ForAsync(
        Plan plan, Department department, CancellationToken cancellationToken) =>
        (await ForAsync(plan, [department], cancellationToken))[0];

    /// <summary>The obligations of each of <paramref name="departments"/>, read from one look at the stores.</summary>
    public async Task<IReadOnlyList<ObligationsDocument>> ForAsync(
        Plan plan, IReadOnlyList<Department> departments, CancellationToken cancellationToken)
    {
        var states = new Dictionary<UploadId, UploadStatus>();
        await foreach (var upload in ledger.CommittedAsync(plan.Id, cancellationToken))
        {
            states[upload.UploadId] = UploadStatus.Accepted;
        }

        foreach (var upload in await reviews.WaitingAsync(plan.Id, cancellationToken))
        {
            states[upload.UploadId] = upload.Status;
        }

        var given = new Dictionary<(string Id, int FiscalYear), HashSet<UploadStatus>>();
        void Gave(string id, FiscalYear fy, UploadId uploadId)
        {
            if (states.TryGetValue(uploadId, out var status))
            {
                var key = (id, fy.Value);
                given[key] = given.GetValueOrDefault(key) ?? [];
                given[key].Add(status);
            }
        }

        await foreach (var o in store.ObservationsAsync(plan, cancellationToken))
        {
            Gave(o.IndicatorId, o.FiscalYear, o.UploadId);
        }

        await foreach (var e in store.EvaluationsAsync(plan, cancellationToken))
        {
            Gave(e.InitiativeId, e.FiscalYear, e.UploadId);
        }

        var now = clock.GetUtcNow();
        return departments.Select(d => Document(plan, d, given, now)).ToList();
    }

    private ObligationsDocument Document(
        Plan plan, Department department, Dictionary<(string Id, int FiscalYear), HashSet<UploadStatus>> given,
        DateTimeOffset now)
    {
        var today = JapanCalendar.DayOf(now);
        var (first, last) = (plan.StartFiscalYear.Value, plan.EndFiscalYear.Value);
        var years = Enumerable.Range(first, last - first + 1).ToArray();
        ObligationState State(string id, int fy)
        {
            var statuses = given.GetValueOrDefault((id, fy));
            return statuses?.Contains(UploadStatus.PendingReview) == true ? ObligationState.PendingReview
                : statuses?.Contains(UploadStatus.Accepted) == true ? ObligationState.Received
                : statuses?.Contains(UploadStatus.Returned) == true ? ObligationState.Returned
                : calendar.IsPastDue(new FiscalYear(fy), today) ? ObligationState.Overdue
                : ObligationState.Missing;
        }

        ObligationYear[] Years(string id) => years.Select(fy => new ObligationYear(fy, State(id, fy))).ToArray();
        var items = plan.Indicators.Where(i => Plan.MaySubmit(department, i))
            .Select(i => new ObligationItem("indicator", i.Id.Value, i.Name, Years(i.Id.Value)))
            .Concat(plan.Initiatives.Where(i => Plan.MayEvaluate(department, i))
                .Select(i => new ObligationItem("initiative", i.Id.Value, i.Name, Years(i.Id.Value))))
            .ToArray();
        int Count(int index, ObligationState state) => items.Count(i => i.Years[index].State == state);
        var totals =
            years.Select((fy, index) => new FiscalYearObligation(fy, calendar.ResultsDueDate(new FiscalYear(fy)),
                Count(index, ObligationState.Received), Count(index, ObligationState.Missing),
                Count(index, ObligationState.Overdue), Count(index, ObligationState.PendingReview),
                Count(index, ObligationState.Returned)))
            .ToArray();
        return new ObligationsDocument(plan.Id.Value, department.Id.Value, now, totals, items);
    }
}

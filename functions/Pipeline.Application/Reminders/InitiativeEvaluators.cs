using Pipeline.Application.Ports;

namespace Pipeline.Application.Reminders;

/// <summary>
/// Who has evaluated each initiative of a plan, and which (initiative, fiscal year) have an accepted evaluation by
/// anyone:
/// an initiative that several departments may evaluate is evaluated once (RULES.md §1), so a reminder asks for it only
/// where nobody gave it, and only the departments that have evaluated it before (or all, where nobody has) (RULES.md
/// §12).
/// </summary>
public sealed class InitiativeEvaluators
{
    private readonly Dictionary<string, HashSet<string>> _byInitiative = new(StringComparer.Ordinal);
    private readonly HashSet<(string Id, int FiscalYear)> _evaluated = [];

    /// <summary>Reads the plan's committed evaluations and the departments of their uploads.</summary>
    public static async Task<InitiativeEvaluators> ReadAsync(
        Domain.Catalogue.Plan plan, IUploadLedger ledger, IObservationStore store, CancellationToken cancellationToken)
    {
        var departmentOf = new Dictionary<Domain.Uploads.UploadId, string>();
        await foreach (var upload in ledger.CommittedAsync(plan.Id, cancellationToken))
        {
            departmentOf[upload.UploadId] = upload.Department.ToString();
        }

        var result = new InitiativeEvaluators();
        await foreach (var evaluation in store.EvaluationsAsync(plan, cancellationToken))
        {
            if (departmentOf.TryGetValue(evaluation.UploadId, out var department))
            {
                result._evaluated.Add((evaluation.InitiativeId, evaluation.FiscalYear.Value));
                if (!result._byInitiative.TryGetValue(evaluation.InitiativeId, out var set))
                {
                    result._byInitiative[evaluation.InitiativeId] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(department);
            }
        }

        return result;
    }

    /// <summary>Whether <paramref name="departmentId"/> is asked for the initiative's evaluation of <paramref
    /// name="fiscalYear"/>.</summary>
    public bool Asks(string departmentId, string initiativeId, int fiscalYear) =>
        !_evaluated.Contains((initiativeId, fiscalYear))
        && (!_byInitiative.TryGetValue(initiativeId, out var evaluators) || evaluators.Contains(departmentId));
}

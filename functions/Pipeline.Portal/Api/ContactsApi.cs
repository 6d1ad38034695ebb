using Microsoft.AspNetCore.Http;
using Pipeline.Application.Ports;
using Pipeline.Application.Reminders;
using Pipeline.Domain.Catalogue;
using Pipeline.Portal.Access;
using Pipeline.Portal.Api.Documents;
using Pipeline.Portal.Http;

namespace Pipeline.Portal.Api;

/// <summary>
/// <c>GET</c> and <c>PUT /api/plans/{planId}/contacts</c> (RULES.md §12): the addresses reminders go to, read and
/// edited by the plan's secretariat on its page (as <c>pipeline contacts</c> does). Each begins with
/// <see cref="PortalAccess.ForSecretariatAsync"/>: 401 for nobody, 403 for anyone not the plan's secretariat.
/// </summary>
public sealed class ContactsApi(PortalAccess access, IContactStore contacts)
{
    /// <summary><c>GET …/contacts</c>: every department's addresses and the secretariat's.</summary>
    public async Task<IResult> GetAsync(HttpContext context, string planId)
    {
        var decision = await access.ForSecretariatAsync(context, planId);
        return decision.Denied ?? PortalApi.Json(await ReadAsync(decision.Plan!, context.RequestAborted));
    }

    /// <summary>
    /// <c>PUT …/contacts</c>: replaces the addresses of those named in the body; every one is checked first, and one
    /// that is not an address (or a department the plan does not have) changes nothing (400). Answers the new
    /// document.
    /// </summary>
    public async Task<IResult> PutAsync(HttpContext context, string planId)
    {
        var decision = await access.ForSecretariatAsync(context, planId);
        if (decision.Denied is { } denied)
        {
            return denied;
        }

        var plan = decision.Plan!;
        var change = await SecretariatApi.ReadAsync<ContactsChange>(context);
        if (change is null || (change.Secretariat is null && (change.Departments?.Count ?? 0) == 0))
        {
            return Problems.BadRequest("secretariat か departments（所属IDごとの宛先）を送ってください。",
                "Send secretariat or departments (addresses per department id).");
        }

        var changes = new List<(ContactOwner Owner, IReadOnlyList<string> Addresses)>();
        foreach (var (owner, text) in Requested(plan, change))
        {
            if (owner is null)
            {
                return Problems.BadRequest($"この計画に所属 '{text}' はありません。",
                    $"The plan has no department '{text}'.");
            }

            var (addresses, problem) = ContactAddresses.Parse(text);
            if (problem is not null)
            {
                var whose = owner.DepartmentId?.Value ?? "secretariat";
                return Problems.BadRequest($"{whose}: {problem}（何も変更していません）",
                    "Nothing was changed.");
            }

            changes.Add((owner, addresses));
        }

        foreach (var (owner, addresses) in changes)
        {
            await contacts.SetAsync(owner, addresses, context.RequestAborted);
        }

        return PortalApi.Json(await ReadAsync(plan, context.RequestAborted));
    }

    /// <summary>Each owner named in the change with its text; a department the plan lacks as (null, its id).</summary>
    private static IEnumerable<(ContactOwner? Owner, string Text)> Requested(Plan plan, ContactsChange change)
    {
        if (change.Secretariat is { } secretariat)
        {
            yield return (ContactOwner.Secretariat(plan.Id), secretariat);
        }

        foreach (var (departmentId, text) in change.Departments ?? new Dictionary<string, string>())
        {
            yield return !DepartmentId.TryParse(departmentId, out var id) || plan.FindDepartment(id) is null
                ? (null, departmentId)
                : (ContactOwner.Department(plan.Id, id), text ?? "");
        }
    }

    private async Task<ContactsDocument> ReadAsync(Plan plan, CancellationToken cancellationToken)
    {
        var departments = new List<DepartmentContacts>();
        foreach (var department in plan.Departments)
        {
            departments.Add(new DepartmentContacts(department.Id.Value, department.Name,
                await contacts.AddressesAsync(
                    ContactOwner.Department(plan.Id, department.Id), cancellationToken)));
        }

        var secretariat = await contacts.AddressesAsync(ContactOwner.Secretariat(plan.Id), cancellationToken);
        return new ContactsDocument(secretariat, departments);
    }
}

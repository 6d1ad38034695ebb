using System.CommandLine;
using Pipeline.Domain.Catalogue;
using Pipeline.Application.Ports;
using Pipeline.Application.Reminders;

namespace Pipeline.Cli.Verbs;

/// <summary>
/// <c>pipeline contacts [--plan P] (--department D | --secretariat) --set a@example.jp[,b@example.jp] | --list</c>: the
/// addresses reminders go to (RULES.md §12); <c>--list</c> without a department lists every department and the
/// secretariat.
/// </summary>
internal static class ContactsVerb
{
    public static Command Create(TextWriter output, TextWriter error, IDictionary<string, string?>? settings)
    {
        var plan = VerbOptions.Plan();
        var department = new Option<string?>("--department", "-d") { Description = "所属ID / department id" };
        var secretariat =
            new Option<bool>("--secretariat") { Description = "the plan's secretariat (in copy of overdue reminders)" };
        var set =
            new Option<string?>("--set") { Description =
                "the addresses, comma-separated (replaces the list; \"\" clears it)" };
        var list = new Option<bool>("--list") { Description = "print the addresses" };
        var contacts = new Command("contacts", "督促メールの宛先 / the contact addresses reminders go to")
        {
            plan, department, secretariat, set, list,
        };
        contacts.SetAction((parse, ct) =>
            RunAsync(parse.GetValue(plan), parse.GetValue(department), parse.GetValue(secretariat),
            parse.GetValue(set), parse.GetValue(list), output, error, settings, ct));
        return contacts;
    }

    private static async Task<int> RunAsync(
        string? planId, string? departmentId, bool secretariat, string? set, bool list, TextWriter output,
            TextWriter error,
        IDictionary<string, string?>? settings, CancellationToken ct)
    {
        using var host = CliHost.Build(settings);
        if (PlanOption.Resolve(host, planId, error) is not { } plan)
        {
            return ExitCode.Usage;
        }

        if ((set is null) == !list || (departmentId is not null && secretariat)
            || (set is not null && departmentId is null && !secretariat))
        {
            await error.WriteLineAsync("give --set ADDRESSES or --list, and --department D or --secretariat for --set");
            await error.WriteLineAsync(ExitCode.UsageLine);
            return ExitCode.Usage;
        }

        var department = departmentId is not null && DepartmentId.TryParse(departmentId, out var id)
            ? plan.FindDepartment(id) : null;
        if (departmentId is not null && department is null)
        {
            await error.WriteLineAsync(
                $"unknown department '{departmentId}' " +
                $"(known: {string.Join(", ", plan.Departments.Select(d => d.Id.Value))})");
            await error.WriteLineAsync(ExitCode.UsageLine);
            return ExitCode.Usage;
        }

        var store = host.Get<IContactStore>();
        // With neither --department nor --secretariat every owner is listed (below) and this one is not used.
        var owner = department is null ? ContactOwner.Secretariat(plan.Id)
            : ContactOwner.Department(plan.Id, department.Id);
        if (set is not null)
        {
            var (addresses, problem) = ContactAddresses.Parse(set);
            if (problem is not null)
            {
                await error.WriteLineAsync(problem);
                return ExitCode.Usage;
            }

            await store.SetAsync(owner, addresses, ct);
            await output.WriteLineAsync(
                $"{plan.Id} {departmentId ?? "secretariat"}: " +
                    $"{(addresses.Count == 0 ? "(none)" : string.Join(", ", addresses))}");
            return ExitCode.Ok;
        }

        ContactOwner[] owners = departmentId is not null || secretariat
            ? [owner]
            : [.. plan.Departments.Select(d => ContactOwner.Department(plan.Id, d.Id)),
                ContactOwner.Secretariat(plan.Id)];
        foreach (var each in owners)
        {
            var addresses = await store.AddressesAsync(each, ct);
            await output.WriteLineAsync(
                $"{each.DepartmentId?.Value ?? "secretariat"}: " +
                    $"{(addresses.Count == 0 ? "(none)" : string.Join(", ", addresses))}");
        }

        return ExitCode.Ok;
    }
}

using System.Text.Json;
using Pipeline.Domain.Problems;

namespace Pipeline.Domain.Catalogue;

/// <summary>
/// Reads and checks a plan-definition file. The catalogue is data: a later plan or another
/// city's plan loads through this without a code change.
/// </summary>
public static partial class PlanDefinitionLoader
{
    /// <summary>Reads a plan definition; throws <see cref="PlanDefinitionException"/> listing every problem.</summary>
    public static Plan Load(Stream json, string source)
    {
        PlanFile? file;
        try
        {
            file = JsonSerializer.Deserialize(json, PlanFileJsonContext.Default.PlanFile);
        }
        catch (JsonException e)
        {
            throw new PlanDefinitionException(source,
                [new PlanDefinitionProblem(e.Path ?? "$", $"not valid JSON (line {e.LineNumber + 1}): {e.Message}")]);
        }

        if (file is null)
        {
            throw new PlanDefinitionException(source, [new PlanDefinitionProblem("$", "the file is empty (null)")]);
        }

        return new Builder(source).Build(file);
    }

    private sealed partial class Builder(string source)
    {
        private readonly List<PlanDefinitionProblem> _problems = [];
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
        private readonly Dictionary<string, DepartmentId> _departmentIds = new(StringComparer.Ordinal);

        private void Problem(string path, string message) => _problems.Add(new(path, message));

        public Plan Build(PlanFile file)
        {
            var id = Required(file.Id, "$.id");
            if (id is not null && !PathSafeId.IsValid(id))
            {
                Problem("$.id", $"'{id}' must be lower-case letters, digits and hyphens");
            }

            var name = Text(file.Name, "$.name");
            var start = Required(file.StartFiscalYear, "$.startFiscalYear");
            var end = Required(file.EndFiscalYear, "$.endFiscalYear");
            if (start is not null && end is not null && start > end)
            {
                Problem("$.endFiscalYear", $"the plan ends (FY{end}) before it starts (FY{start})");
            }

            var publisher = new Publisher(
                Text(file.Publisher?.Name, "$.publisher.name"),
                Required(file.Publisher?.LocalGovernmentCode, "$.publisher.localGovernmentCode") ?? "",
                (file.Publisher?.Partners ?? []).Select((p, i) => Text(p, $"$.publisher.partners[{i}]")).ToArray());

            var city = Area(file.Areas?.City, "$.areas.city", wholeCity: true);
            var wards = (file.Areas?.Wards ?? []).Select((w, i) => Area(w, $"$.areas.wards[{i}]", wholeCity: false))
                .ToArray();
            var codes = new HashSet<string>(StringComparer.Ordinal) { CodeText(file.Areas?.City) };
            for (var i = 0; i < wards.Length; i++)
            {
                var code = CodeText(file.Areas!.Wards![i]);
                if (!codes.Add(code))
                {
                    Problem($"$.areas.wards[{i}].code", $"area code '{code}' is used twice");
                }
            }

            var organisations = Organisations(file.Organisations, publisher);
            var departments = Departments(file.Departments, organisations);
            var basicPolicies = BasicPolicies(file.BasicPolicies, organisations);
            var policies = basicPolicies.SelectMany(b => b.Policies).ToDictionary(p => p.Id, StringComparer.Ordinal);
            var indicators = Indicators(file.Indicators, policies, start, end);
            var openData = OpenDataTerms.From(file.OpenData, Problem);
            var reminders = ReminderDates.From(file.Reminders, Problem);
            var publication = PublicationPolicy.From(file.Publication, Problem);

            if (_problems.Count > 0)
            {
                throw new PlanDefinitionException(source, _problems);
            }

            return new Plan(PlanId.Parse(id!), name, new FiscalYear(start!.Value), new FiscalYear(end!.Value),
                publisher, city,
                file.Areas?.City?.Aliases ?? [], wards, organisations, departments, basicPolicies, indicators,
                    file.Default ?? false)
            {
                OpenData = openData,
                Reminders = reminders,
                Publication = publication,
            };
        }

        private IReadOnlyList<Department> Departments(List<PlanFileDepartment>? list,
            IReadOnlyList<Organisation> organisations)
        {
            if (list is null || list.Count == 0)
            {
                Problem("$.departments", "at least one department is required");
                return [];
            }

            var result = new List<Department>();
            for (var i = 0; i < list.Count; i++)
            {
                var path = $"$.departments[{i}]";
                var id = UniqueId(list[i].Id, path);
                if (id is not null && !PathSafeId.IsValid(id))
                {
                    Problem($"{path}.id",
                        $"'{id}' must be lower-case letters, digits and hyphens (it is a blob path prefix)");
                }

                var organisation = OrganisationId(list[i].Organisation, $"{path}.organisation", organisations);
                _ = DepartmentId.TryParse(id, out var departmentId);
                _departmentIds.TryAdd(id ?? "", departmentId);
                result.Add(new Department(departmentId, Text(list[i].Name, $"{path}.name"), organisation));
            }

            return result;
        }

        private IReadOnlyList<BasicPolicy> BasicPolicies(List<PlanFileBasicPolicy>? list,
            IReadOnlyList<Organisation> organisations)
        {
            if (list is null || list.Count == 0)
            {
                Problem("$.basicPolicies", "at least one basic policy is required");
                return [];
            }

            var result = new List<BasicPolicy>();
            for (var b = 0; b < list.Count; b++)
            {
                var path = $"$.basicPolicies[{b}]";
                var id = UniqueId(list[b].Id, path) ?? "";
                var policies = new List<PolicyDirection>();
                var policyList = list[b].Policies ?? [];
                if (policyList.Count == 0)
                {
                    Problem($"{path}.policies", "a basic policy needs at least one policy direction");
                }

                for (var p = 0; p < policyList.Count; p++)
                {
                    var ppath = $"{path}.policies[{p}]";
                    var pid = UniqueId(policyList[p].Id, ppath) ?? "";
                    ExpectPrefix(pid, id, $"{ppath}.id");
                    var measures = new List<Measure>();
                    var measureList = policyList[p].Measures ?? [];
                    for (var m = 0; m < measureList.Count; m++)
                    {
                        var mpath = $"{ppath}.measures[{m}]";
                        var mid = UniqueId(measureList[m].Id, mpath) ?? "";
                        ExpectPrefix(mid, pid, $"{mpath}.id");
                        var initiatives = new List<Initiative>();
                        var initiativeList = measureList[m].Initiatives ?? [];
                        for (var n = 0; n < initiativeList.Count; n++)
                        {
                            var npath = $"{mpath}.initiatives[{n}]";
                            var nid = UniqueId(initiativeList[n].Id, npath) ?? "";
                            ExpectPrefix(nid, mid, $"{npath}.id");
                            var owners = (initiativeList[n].Owners ?? [])
                                .Select((o, k) => OrganisationId(o, $"{npath}.owners[{k}]", organisations)).Distinct()
                                    .ToArray();
                            if (owners.Length == 0)
                            {
                                Problem($"{npath}.owners",
                                    $"an initiative needs at least one responsible organisation " +
                                        $"({string.Join(", ", organisations.Select(o => o.Id))})");
                            }

                            _ = InitiativeId.TryParse(nid, out var initiativeId);
                            initiatives.Add(new Initiative(initiativeId, mid,
                                Text(initiativeList[n].Name, $"{npath}.name"), initiativeList[n].Priority ?? false,
                                owners));
                        }

                        measures.Add(new Measure(mid, pid, Text(measureList[m].Name, $"{mpath}.name"), initiatives));
                    }

                    policies.Add(new PolicyDirection(pid, id, Text(policyList[p].Name, $"{ppath}.name"), measures));
                }

                result.Add(new BasicPolicy(id, Text(list[b].Name, $"{path}.name"), policies));
            }

            return result;
        }

        private Area Area(PlanFileArea? area, string path, bool wholeCity)
        {
            var code = Required(area?.Code, $"{path}.code") ?? "";
            if (code.Length > 0 && !Catalogue.AreaCode.IsValid(code))
            {
                Problem($"{path}.code", $"'{code}' is not a 6-digit 全国地方公共団体コード");
            }

            _ = Catalogue.AreaCode.TryParse(code, out var areaCode);
            return new Area(areaCode, Text(area?.Name, $"{path}.name"), wholeCity);
        }

        private static string CodeText(PlanFileArea? area) =>
            string.IsNullOrWhiteSpace(area?.Code) ? "" : area.Code;

        private T Fail<T>(string path, string message, T fallback)
        {
            Problem(path, message);
            return fallback;
        }

        private LocalizedText Text(PlanFileText? text, string path)
        {
            if (string.IsNullOrWhiteSpace(text?.Ja))
            {
                Problem($"{path}.ja", "a Japanese name is required");
            }

            return new LocalizedText(text?.Ja ?? "", text?.En);
        }

        private string? UniqueId(string? id, string path)
        {
            var value = Required(id, $"{path}.id");
            if (value is not null && !_ids.Add(value))
            {
                Problem($"{path}.id", $"id '{value}' is used more than once");
            }

            return value;
        }

        private void ExpectPrefix(string id, string parent, string path)
        {
            if (id.Length > 0 && parent.Length > 0 && !id.StartsWith(parent + "-", StringComparison.Ordinal))
            {
                Problem(path, $"'{id}' should start with its parent's id '{parent}-'");
            }
        }

        private string? Required(string? value, string path)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Problem(path, "is required");
                return null;
            }

            return value;
        }

        private int? Required(int? value, string path)
        {
            if (value is null)
            {
                Problem(path, "is required");
            }

            return value;
        }
    }
}

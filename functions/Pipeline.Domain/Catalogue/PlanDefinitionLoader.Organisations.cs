using Pipeline.Domain.Problems;
namespace Pipeline.Domain.Catalogue;

// The organisations of a plan file (RULES.md §7): who runs initiatives, and what departments and
// initiative owners refer to.
public static partial class PlanDefinitionLoader
{
    private sealed partial class Builder
    {
        /// <summary>
        /// The plan's organisations (RULES.md §7). A file without the list keeps the two a community welfare
        /// plan has: <c>city</c> (the publisher) and <c>shakyo</c> (its social welfare council, the first partner).
        /// </summary>
        private IReadOnlyList<Organisation> Organisations(List<PlanFileOrganisation>? list, Publisher publisher)
        {
            if (list is null)
            {
                return
                [
                    new Organisation("city", publisher.Name),
                    new Organisation("shakyo", (publisher.Partners.Count > 0 ? publisher.Partners[0] : null)
                        ?? new LocalizedText("社会福祉協議会", "Social Welfare Council")),
                ];
            }

            if (list.Count == 0)
            {
                Problem("$.organisations",
                    "at least one organisation is required (or leave the list out for city and shakyo)");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var result = new List<Organisation>();
            for (var i = 0; i < list.Count; i++)
            {
                var path = $"$.organisations[{i}]";
                var id = Required(list[i].Id, $"{path}.id") ?? "";
                if (id.Length > 0 && !PathSafeId.IsValid(id))
                {
                    Problem($"{path}.id", $"'{id}' must be lower-case letters, digits and hyphens");
                }
                else if (id.Length > 0 && !seen.Add(id))
                {
                    Problem($"{path}.id", $"organisation '{id}' is listed twice");
                }

                result.Add(new Organisation(id, Text(list[i].Name, $"{path}.name")));
            }

            return result;
        }

        private string OrganisationId(string? organisation, string path, IReadOnlyList<Organisation> organisations) =>
            Required(organisation, path) switch
        {
            null => "",
            var id when organisations.Any(o => o.Id == id) => id,
            var other =>
                Fail(path,
                    $"unknown organisation '{other}' (known: {string.Join(", ", organisations.Select(o => o.Id))})",
                        other),
        };
    }
}

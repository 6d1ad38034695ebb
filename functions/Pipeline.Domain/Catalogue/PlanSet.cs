using System.Collections.Frozen;

namespace Pipeline.Domain.Catalogue;

/// <summary>
/// The plans one deployment serves (RULES.md §7): the built-in plan files and every plan file in a
/// folder. A file that fails the loader is listed with its problems and not served; the others are
/// unaffected. Plan ids are unique in the set.
/// </summary>
public sealed class PlanSet
{
    private readonly FrozenDictionary<string, PlanSetEntry> _byId;

    /// <summary>A set of entries, the first of each plan id winning; <paramref name="defaultPlanId"/> null for the
    /// built-in default.</summary>
    public PlanSet(IEnumerable<PlanSetEntry> entries, string? defaultPlanId)
    {
        var list = new List<PlanSetEntry>();
        var byId = new Dictionary<string, PlanSetEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (byId.TryGetValue(entry.Id, out var first))
            {
                list.Add(
                    entry.Refused(
                        new PlanDefinitionProblem("$.id",
                            $"plan id '{entry.Id}' is already served by {first.Source}")));
                continue;
            }

            byId[entry.Id] = entry;
            list.Add(entry);
        }

        Entries = list;
        _byId = byId.ToFrozenDictionary(StringComparer.Ordinal);
        Plans = list.Where(e => e.IsValid).Select(e => e.Plan!).ToArray();
        DefaultPlanId = string.IsNullOrWhiteSpace(defaultPlanId)
            ? Plans.FirstOrDefault(p => p.IsBuiltInDefault)?.Id.Value ?? (Plans.Count == 1 ? Plans[0].Id.Value : "")
            : defaultPlanId;
    }

    /// <summary>Every plan file, valid or not, built-in ones first.</summary>
    public IReadOnlyList<PlanSetEntry> Entries { get; }

    /// <summary>The plans served.</summary>
    public IReadOnlyList<Plan> Plans { get; }

    /// <summary>The plan of two-part upload paths and of command-line verbs without <c>--plan</c>.</summary>
    public string DefaultPlanId { get; }

    /// <summary>The default plan, or null where it is not served (its file is invalid or missing).</summary>
    public Plan? Default => Find(DefaultPlanId);

    /// <summary>Whether any plan file of the set failed the loader.</summary>
    public bool HasInvalidPlans => Entries.Any(e => !e.IsValid);

    /// <summary>The entry of a plan id, valid or not.</summary>
    public PlanSetEntry? Entry(string planId) => _byId.GetValueOrDefault(planId);

    /// <summary>The served plan of an id's text (a route value, a command-line option), or null.</summary>
    public Plan? Find(string planId) => _byId.GetValueOrDefault(planId)?.Plan;

    /// <summary>The served plan of an id, or null (also for none).</summary>
    public Plan? Find(PlanId? planId) => planId is { } id ? Find(id.Value) : null;

    /// <summary>
    /// The built-in plans, every <c>*.json</c> in <paramref name="plansPath"/> (a folder, or one
    /// file) in file-name order, then <paramref name="more"/> (plan files read from elsewhere, such as a blob
    /// container).
    /// </summary>
    public static PlanSet Load(string? plansPath, string? defaultPlanId, IEnumerable<PlanSetEntry>? more = null) =>
        new([.. FileEntries(plansPath), .. more ?? []], defaultPlanId);

    /// <summary>The built-in plans and every <c>*.json</c> in <paramref name="plansPath"/>, in file-name order,
    /// unchecked for repeats.</summary>
    public static IReadOnlyList<PlanSetEntry> FileEntries(string? plansPath) =>
        PlanFiles(plansPath).Select(file => file.Entry()).ToList();

    /// <summary>
    /// The entry <see cref="Load"/> would serve for <paramref name="planId"/> from the built-in plans and
    /// <paramref name="plansPath"/> (the first file declaring that id), reading in full and checking only that file:
    /// the others are only parsed for their <c>id</c>. Null where no file declares it. A start-up that needs one plan
    /// (<c>pipeline validate</c>) does not build every plan of the set.
    /// </summary>
    public static PlanSetEntry? LoadEntry(string? plansPath, string planId) =>
        PlanFiles(plansPath).FirstOrDefault(file => file.Id == planId)?.Entry();

    /// <summary>The built-in plan files, then those of <paramref name="plansPath"/> in file-name order.</summary>
    private static IEnumerable<PlanFileBytes> PlanFiles(string? plansPath)
    {
        foreach (var builtIn in BuiltInPlans.Files())
        {
            yield return builtIn;
        }

        if (string.IsNullOrWhiteSpace(plansPath))
        {
            yield break;
        }

        var files = Directory.Exists(plansPath)
            ? Directory.EnumerateFiles(plansPath, "*.json").Order(StringComparer.Ordinal)
            : (IEnumerable<string>)[plansPath];
        foreach (var file in files)
        {
            yield return PlanFileBytes.ReadFile(file);
        }
    }
}

namespace Pipeline.Domain.Catalogue;

/// <summary>
/// The plan definitions shipped inside the library (embedded files under <c>Plans/</c>). Which one is
/// the default is data too: the file marked <c>"default": true</c>.
/// </summary>
public static class BuiltInPlans
{
    private const string Prefix = "Pipeline.Domain.Plans.";
    private const string Suffix = ".json";

    private static readonly Lazy<Plan> DefaultPlan = new(() =>
        All().Where(e => e.Plan is { IsBuiltInDefault: true }).Select(e => e.Plan!).SingleOrDefault()
        ?? throw new InvalidOperationException("No built-in plan file is marked \"default\": true."));

    /// <summary>The built-in plan marked as the default in its file.</summary>
    public static Plan Default => DefaultPlan.Value;

    /// <summary>The ids (resource names) of the built-in plan files.</summary>
    public static IReadOnlyList<string> Ids =>
        typeof(BuiltInPlans).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(Suffix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^Suffix.Length])
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>Loads an embedded plan file by plan id.</summary>
    public static Plan Load(string planId)
    {
        using var stream = Open(planId) ?? throw new ArgumentException($"No built-in plan '{planId}'.", nameof(planId));
        return PlanDefinitionLoader.Load(stream, SourceOf(planId));
    }

    /// <summary>Every built-in plan file, loaded or with its problems.</summary>
    public static IEnumerable<PlanSetEntry> All() => Files().Select(file => file.Entry());

    /// <summary>Every built-in plan file's bytes, in id order, not yet built.</summary>
    internal static IEnumerable<PlanFileBytes> Files() => Ids.Select(id =>
    {
        using var stream = Open(id)!;
        var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return new PlanFileBytes(SourceOf(id), id, buffer.ToArray(), null);
    });

    private static Stream? Open(string planId) =>
        typeof(BuiltInPlans).Assembly.GetManifestResourceStream(Prefix + planId + Suffix);

    private static string SourceOf(string planId) => $"built-in:{planId}{Suffix}";
}

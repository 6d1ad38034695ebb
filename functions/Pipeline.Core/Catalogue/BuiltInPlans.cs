namespace Pipeline.Core.Catalogue;

/// <summary>The plan definitions shipped inside the library, read from embedded plan files.</summary>
public static class BuiltInPlans
{
    /// <summary>The plan this deployment was built for.</summary>
    public const string KumamotoWelfare4 = "kumamoto-welfare-4";

    private static readonly Lazy<Plan> Kumamoto = new(() => Load(KumamotoWelfare4));

    /// <summary>第4次熊本市地域福祉計画・地域福祉活動計画 (FY2020–FY2024).</summary>
    public static Plan KumamotoWelfare => Kumamoto.Value;

    /// <summary>Loads an embedded plan file by plan id.</summary>
    public static Plan Load(string planId)
    {
        var name = $"Pipeline.Core.Plans.{planId}.json";
        using var stream = typeof(BuiltInPlans).Assembly.GetManifestResourceStream(name)
            ?? throw new ArgumentException($"No built-in plan '{planId}'.", nameof(planId));
        return PlanDefinitionLoader.Load(stream, name);
    }
}

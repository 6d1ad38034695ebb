using System.Text.RegularExpressions;

namespace Pipeline.Core.Catalogue;

/// <summary>What a plan id may be: lower-case letters, digits and hyphens (it is part of blob paths and table keys).</summary>
public static partial class PlanIdRules
{
    public static bool IsValid(string planId) => PlanId().IsMatch(planId);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$")]
    private static partial Regex PlanId();
}

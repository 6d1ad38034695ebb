using System.Text.RegularExpressions;

namespace Pipeline.Domain.Catalogue;

/// <summary>
/// What a plan or department id may be: lower-case letters, digits and hyphens, 2 to 63 characters,
/// starting with a letter or digit. Such ids are parts of blob paths and table keys as they are.
/// </summary>
public static partial class PathSafeId
{
    /// <summary>True where <paramref name="id"/> follows the rule.</summary>
    public static bool IsValid(string id) => Pattern().IsMatch(id);

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{1,62}\z")]
    private static partial Regex Pattern();
}

using Pipeline.Domain.Catalogue;
namespace Pipeline.Domain.Uploads;

/// <summary>
/// Reads a blob path (RULES.md §2): <c>{planId}/{departmentId}/{name}</c>, or the older two-part
/// <c>{departmentId}/{name}</c>, which means the deployment's default plan.
/// </summary>
public static class UploadPath
{
    /// <summary>
    /// The plan an upload is for: the first segment where the path has three or more and that segment is a
    /// plan id of the set (served or not), else the default plan.
    /// </summary>
    public static string PlanOf(string blobName, Catalogue.PlanSet plans)
    {
        var slash = blobName.IndexOf('/', StringComparison.Ordinal);
        var rest = slash > 0 ? blobName.AsSpan(slash + 1) : default;
        return slash > 0 && rest.Contains('/') && plans.Entry(blobName[..slash]) is not null ? blobName[..slash] : plans.DefaultPlanId;
    }

    /// <summary>
    /// Splits a path of plan <paramref name="planId"/>: <c>{planId}/{department}/{name}</c> or, for the
    /// default plan, <c>{department}/{name}</c>.
    /// </summary>
    public static bool TryParse(string blobName, string planId, out string department, out string name)
    {
        var prefix = planId + "/";
        var planPath = blobName.StartsWith(prefix, StringComparison.Ordinal) && blobName.AsSpan(prefix.Length).Contains('/');
        return TryParse(planPath ? blobName[prefix.Length..] : blobName, out department, out name);
    }

    /// <summary>Splits <c>{department}/{name}</c>; false for paths without a department, with traversal or control characters.</summary>
    public static bool TryParse(string blobName, out string department, out string name)
    {
        department = "";
        name = "";
        if (string.IsNullOrEmpty(blobName) || blobName.Length > 1024 || blobName.Any(char.IsControl)
            || blobName.Contains('\\', StringComparison.Ordinal))
        {
            return false;
        }

        var slash = blobName.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == blobName.Length - 1)
        {
            return false;
        }

        department = blobName[..slash];
        name = blobName[(slash + 1)..];
        return !name.Split('/').Any(segment => segment is "" or "." or "..");
    }

    /// <summary>Where the report of an upload with an unusable path goes: <c>_invalid/{hash of the name}</c>.</summary>
    public static string InvalidReportName(string blobName) =>
        "_invalid/" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(blobName)))[..24];

    /// <summary>A stable id for one blob version: its creation time (sortable) and a hash of its name and content.</summary>
    public static string UploadIdOf(string blobName, DateTimeOffset createdOn, string sha256)
    {
        var nameAndContent = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(blobName + "\n" + sha256));
        return $"{createdOn.UtcDateTime:yyyyMMdd'T'HHmmssfffffff'Z'}-{Convert.ToHexStringLower(nameAndContent)[..12]}";
    }
}

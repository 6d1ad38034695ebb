namespace Pipeline.Core.Ingestion;

/// <summary>Reads a blob path: the department is its first segment, the file name what follows.</summary>
public static class UploadPath
{
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

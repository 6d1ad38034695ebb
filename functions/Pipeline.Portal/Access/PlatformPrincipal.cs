using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Portal.Access;

/// <summary>
/// Reads App Service Authentication's <c>X-MS-CLIENT-PRINCIPAL</c> header (base64 JSON: <c>auth_typ</c>,
/// <c>claims: [{typ, val}]</c>, <c>name_typ</c>). Only called when <see
/// cref="PortalAccessOptions.TrustPlatformHeader"/> is on.
/// </summary>
public static class PlatformPrincipal
{
    public const string Header = "X-MS-CLIENT-PRINCIPAL";

    private const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    /// <summary>The person's id, name and group object ids; null when the header is absent or unreadable.</summary>
    public static (string Id, string Name, IReadOnlyList<string> Groups)? Read(HttpRequest request)
    {
        if (!request.Headers.TryGetValue(Header, out var values) || values.Count != 1
            || string.IsNullOrEmpty(values[0]))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(values[0]!)));
            var root = json.RootElement;
            var nameType = root.TryGetProperty("name_typ", out var n) ? n.GetString() : null;
            var claims = root.GetProperty("claims").EnumerateArray()
                .Select(c =>
                    (Type: c.GetProperty("typ").GetString() ?? "", Value: c.GetProperty("val").GetString() ?? ""))
                .ToArray();
            var id = claims.FirstOrDefault(c => c.Type is ObjectIdClaim or "oid").Value
                ?? request.Headers["X-MS-CLIENT-PRINCIPAL-ID"].ToString();
            var name = claims.FirstOrDefault(c => c.Type == nameType || c.Type is "name" or "preferred_username").Value
                ?? id;
            var groups = claims.Where(c => c.Type == "groups").Select(c => c.Value).ToArray();
            return string.IsNullOrEmpty(id) ? null : (id, name, groups);
        }
        catch (Exception e) when (
            e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // Unreadable: treated as not signed in (401), never as someone.
            return null;
        }
    }
}

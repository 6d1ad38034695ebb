using System.Text.Json;

namespace Pipeline.Domain.Catalogue;

/// <summary>
/// One plan file of the plan set (RULES.md §7): the plan it defines, or every problem that keeps it
/// from being served. <see cref="Id"/> is the file's <c>id</c> where it can be read, else its file name.
/// </summary>
public sealed record PlanSetEntry(string Id, string Source, Plan? Plan, IReadOnlyList<PlanDefinitionProblem> Problems)
{
    /// <summary>SHA-256 of the plan file's bytes (a change of the file recomputes the plan's feed); null where not read
    /// from a file.</summary>
    public string? DefinitionHash { get; init; }

    /// <summary>True where the plan loaded and is served.</summary>
    public bool IsValid => Plan is not null;

    /// <summary>Reads one plan file; a file that fails the loader becomes an entry with its problems, never an
    /// exception.</summary>
    public static PlanSetEntry Read(Stream json, string source, string fallbackId)
    {
        var buffer = new MemoryStream();
        json.CopyTo(buffer);
        return Read(buffer.ToArray(), source, fallbackId);
    }

    /// <summary>Reads one plan file's bytes, as <see cref="Read(Stream, string, string)"/>.</summary>
    internal static PlanSetEntry Read(byte[] json, string source, string fallbackId)
    {
        try
        {
            var plan = PlanDefinitionLoader.Load(new MemoryStream(json, writable: false), source);
            return new PlanSetEntry(plan.Id.Value, source, plan, [])
            {
                DefinitionHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(json)),
            };
        }
        catch (PlanDefinitionException e)
        {
            return new PlanSetEntry(DeclaredId(json) ?? fallbackId, source, null, e.Problems);
        }
    }

    /// <summary>The same entry, refused: its plan is not served.</summary>
    public PlanSetEntry Refused(PlanDefinitionProblem problem) =>
        this with { Plan = null, Problems = [.. Problems, problem] };

    /// <summary>The file's top-level <c>id</c> where the file is JSON and the id is path-safe, else null: a served
    /// plan's id, read without building the plan.</summary>
    internal static string? DeclaredId(byte[] json)
    {
        try
        {
            using var document =
                JsonDocument.Parse(json,
                    new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && PathSafeId.IsValid(id.GetString()!) ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null; // not JSON at all: the loader's problem already says so
        }
    }
}

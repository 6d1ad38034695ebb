namespace Pipeline.Domain.Catalogue;

/// <summary>
/// One plan file's bytes as read, or why it could not be read, with the id its entry in the plan set has (the
/// file's <c>id</c> where it can be read, else <paramref name="FallbackId"/>, as
/// <see cref="PlanSetEntry.Read(Stream, string, string)"/> decides it) known before the plan is built.
/// </summary>
internal sealed record PlanFileBytes(string Source, string FallbackId, byte[]? Bytes, string? ReadFailure)
{
    /// <summary>The id of the entry this file becomes.</summary>
    public string Id { get; } = Bytes is null ? FallbackId : PlanSetEntry.DeclaredId(Bytes) ?? FallbackId;

    /// <summary>The plan set's entry: the plan built and checked, or the problems keeping it from being
    /// served.</summary>
    public PlanSetEntry Entry() => Bytes is null
        ? new PlanSetEntry(FallbackId, Source, null, [new PlanDefinitionProblem("$", $"cannot be read: {ReadFailure}")])
        : PlanSetEntry.Read(Bytes, Source, FallbackId);

    /// <summary>Reads a plan file from disk; a file that cannot be read is kept with the reason.</summary>
    public static PlanFileBytes ReadFile(string path)
    {
        var fallbackId = Path.GetFileNameWithoutExtension(path);
        try
        {
            return new PlanFileBytes(path, fallbackId, File.ReadAllBytes(path), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new PlanFileBytes(path, fallbackId, null, e.Message);
        }
    }
}

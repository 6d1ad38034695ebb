using Pipeline.Domain.Catalogue;

namespace Pipeline.Domain.Uploads;

/// <summary>
/// The department an upload's path names, as its record keeps it (RULES.md §2). One of three:
/// <list type="bullet">
/// <item>a department id (<see cref="Id"/>): the department's, or one the plan does not have;</item>
/// <item>a segment that is no department id (<c>Shakyo</c>, <c>shakyo 2</c>): kept as given in <see cref="Name"/>.
/// Such an upload is rejected (department_unknown), recorded and reported under the segment, as before ids were
/// typed;</item>
/// <item><see cref="None"/>: the path is not valid (no department, traversal, control characters). Such an upload
/// is reported under <c>_invalid/</c> and never recorded.</item>
/// </list>
/// </summary>
public readonly record struct UploadDepartment
{
    /// <summary>
    /// How records and reports write <see cref="None"/> where a text is wanted: the report's <c>department_id</c>,
    /// and the ledger's key, as they did before the absence was a type.
    /// </summary>
    public const string NoneText = "(none)";

    private UploadDepartment(DepartmentId? id, string? name)
    {
        Id = id;
        Name = name;
    }

    /// <summary>No department: the path is not valid.</summary>
    public static UploadDepartment None => default;

    /// <summary>The department id the path names; null for a segment that is no id, and for none.</summary>
    public DepartmentId? Id { get; }

    /// <summary>The path's department segment as given (a department id's text); null for none.</summary>
    public string? Name { get; }

    /// <summary>Whether the path names no department (it is not valid).</summary>
    public bool IsNone => Name is null;

    /// <summary>The department <paramref name="id"/>.</summary>
    public static UploadDepartment Of(DepartmentId id) => new(id, id.Value);

    /// <summary>
    /// The department a path segment names: its id where <paramref name="segment"/> is one, else the segment as
    /// given; <see cref="None"/> for null.
    /// </summary>
    public static UploadDepartment Named(string? segment) =>
        segment is null ? None : new(DepartmentId.TryParse(segment, out var id) ? id : null, segment);

    /// <summary>The segment as given, or <see cref="NoneText"/>.</summary>
    public override string ToString() => Name ?? NoneText;
}

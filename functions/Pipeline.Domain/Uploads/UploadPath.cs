using Pipeline.Domain.Catalogue;

namespace Pipeline.Domain.Uploads;

/// <summary>
/// Where an upload is in container <c>uploads</c> (RULES.md §2), read once where a blob name comes in:
/// <c>{planId}/{departmentId}/{name}</c>, or the older two-part <c>{departmentId}/{name}</c>, which means the
/// deployment's default plan. The portal and <c>pipeline ingest</c> store each upload in a folder of its own,
/// <c>{planId}/{departmentId}/{folder}/{file name}</c> (<see cref="UploadFolder"/>). A path without a department,
/// with an empty, <c>.</c> or <c>..</c> segment, a backslash or a control character is not valid
/// (<see cref="IsValid"/> false): it is reported, never filed under a department.
/// </summary>
public readonly record struct UploadPath
{
    private const int MaxLength = 1024;

    private UploadPath(
        string blobName, string planText, UploadDepartment department, UploadFolder? folder, string fileName)
    {
        BlobName = blobName;
        PlanText = planText;
        PlanId = Catalogue.PlanId.TryParse(planText, out var planId) ? planId : null;
        Department = department;
        Folder = folder;
        FileName = fileName;
    }

    /// <summary>The blob's name in container <c>uploads</c>.</summary>
    public string BlobName { get; }

    /// <summary>
    /// The plan the upload is for: the first segment where it is a plan of the set and two more follow, else the
    /// default plan; null where that is no plan id (no default plan, or a plan file not served whose id is its file's
    /// name).
    /// </summary>
    public PlanId? PlanId { get; }

    /// <summary>
    /// The plan as the path or the default names it, as text: <see cref="PlanId"/>'s text, or where that is null the
    /// text as given ("" without a default plan). A report of a plan that is not served quotes it.
    /// </summary>
    public string PlanText { get; }

    /// <summary>
    /// The department the path names: its segment, a department id or not; <see cref="UploadDepartment.None"/> where
    /// the path is not valid.
    /// </summary>
    public UploadDepartment Department { get; }

    /// <summary>The upload's own folder where the portal or the command line stored it; else null.</summary>
    public UploadFolder? Folder { get; }

    /// <summary>The file's name as the person gave it: the last segment.</summary>
    public string FileName { get; }

    /// <summary>Whether the path names a department and a file without traversal or control characters.</summary>
    public bool IsValid => !Department.IsNone;

    /// <summary>Reads a blob name of the plan set <paramref name="plans"/>.</summary>
    public static UploadPath Parse(string blobName, PlanSet plans)
    {
        var segments = (blobName ?? "").Split('/');
        var planInPath = segments.Length >= 3 && plans.Entry(segments[0]) is not null;
        var planId = planInPath ? segments[0] : plans.DefaultPlanId;
        return Read(blobName ?? "", planId, planInPath ? segments[1..] : segments);
    }

    /// <summary>
    /// Reads a blob name known to be of plan <paramref name="planId"/>: <c>{planId}/{department}/{name}</c>, or
    /// <c>{department}/{name}</c> (the default plan's two-part form).
    /// </summary>
    public static UploadPath Parse(string blobName, PlanId planId)
    {
        var segments = (blobName ?? "").Split('/');
        var plan = planId.Value;
        return Read(blobName ?? "", plan, segments.Length >= 3 && segments[0] == plan ? segments[1..] : segments);
    }

    /// <summary>
    /// The path of a new upload received by the portal or the command line: a folder of its own under the
    /// department, <c>{planId}/{departmentId}/{folder}/{fileName}</c>, or without <paramref name="planId"/> the
    /// default plan's two-part form <c>{departmentId}/{folder}/{fileName}</c>.
    /// </summary>
    public static UploadPath New(PlanId? planId, DepartmentId departmentId, UploadFolder folder, string fileName)
    {
        var plan = planId?.Value;
        var blobName = $"{(plan is null ? "" : plan + "/")}{departmentId.Value}/{folder.Name}/{fileName}";
        var path = Read(blobName, plan ?? "", blobName.Split('/')[(plan is null ? 0 : 1)..]);
        return path.IsValid && path.Folder == folder
            ? path
            : throw new ArgumentException($"'{blobName}' is not a valid upload path.", nameof(fileName));
    }

    /// <summary>
    /// The path of <paramref name="departmentId"/> and <paramref name="fileName"/> for checking a file that is not
    /// stored.
    /// </summary>
    public static UploadPath Unstored(PlanId planId, string departmentId, string fileName) =>
        new($"{departmentId}/{fileName}", planId.Value, UploadDepartment.Named(departmentId), null, fileName);

    private static UploadPath Read(string blobName, string planText, string[] rest)
    {
        var invalid = new UploadPath(
            blobName, planText, UploadDepartment.None, null, blobName[(blobName.LastIndexOf('/') + 1)..]);
        if (blobName.Length == 0 || blobName.Length > MaxLength || blobName.Any(char.IsControl)
            || blobName.Contains('\\', StringComparison.Ordinal) || rest.Length < 2
            || rest.Any(segment => segment is "" or "." or ".."))
        {
            return invalid;
        }

        var folder = rest.Length == 3 && UploadFolder.TryParse(rest[1], out var f) ? f : null;
        return new UploadPath(blobName, planText, UploadDepartment.Named(rest[0]), folder, rest[^1]);
    }

    /// <inheritdoc />
    public override string ToString() => BlobName;
}

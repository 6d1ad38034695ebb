using Pipeline.Portal.Access;

namespace Pipeline.Portal.Api.Documents;

/// <summary>
/// <c>GET /api/me</c>: who is signed in, how, the departments they may act for, the plans whose secretariat they are,
/// and the file extensions an upload may have (the readers' own list, shown by the file picker).
/// </summary>
public sealed record MeDocument(
    string Id, string Name, SignInSource Source, IReadOnlyList<DepartmentView> Departments,
    IReadOnlyList<PlanView> Secretariats, IReadOnlyList<string> AcceptedExtensions);

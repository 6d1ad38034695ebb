using Pipeline.Portal.Access;

namespace Pipeline.Portal.Api.Documents;

/// <summary><c>GET /api/me</c>: who is signed in, how, and the departments they may act for.</summary>
public sealed record MeDocument(string Id, string Name, SignInSource Source, IReadOnlyList<DepartmentView> Departments);

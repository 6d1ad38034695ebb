namespace Pipeline.Portal.Api.Documents;

/// <summary>
/// <c>GET /api/sign-in</c>: how one signs in here. <see cref="Development"/> is true only in the Development
/// environment, and then <see cref="Choices"/> lists the departments one may pick. <see cref="EntraSignInUrl"/> starts
/// the portal's own Entra ID sign-in when it is configured.
/// </summary>
public sealed record SignInDocument(
    bool Development, string? PlatformSignInUrl, IReadOnlyList<DepartmentView> Choices, string? EntraSignInUrl,
    IReadOnlyList<PlanView>? SecretariatChoices = null);

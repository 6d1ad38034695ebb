namespace Pipeline.Portal.SignIn;

/// <summary>
/// A person signed in through the portal's Entra ID sign-in, kept in the protected session cookie: the object id,
/// the name to show, the mapped groups they belong to (only those named in <c>Portal:Groups</c>, so the cookie stays
/// small), when the session ends, and the id_token's <c>login_hint</c> claim when the tenant issues it (an optional
/// claim), sent back as <c>logout_hint</c> at sign-out so that Entra ID ends that account's session without asking
/// which.
/// The id_token itself is not kept: with its groups it can outgrow a cookie.
/// </summary>
public sealed record PortalSession(string Id, string Name, IReadOnlyList<string> Groups, DateTimeOffset ExpiresAt,
    string? LogoutHint = null);

namespace Pipeline.Portal.SignIn;

/// <summary>
/// A person signed in through the portal's Entra ID sign-in, kept in the protected session cookie: the object id,
/// the name to show, the mapped groups they belong to (only those named in <c>Portal:Groups</c>, so the cookie stays
/// small) and when the session ends.
/// </summary>
public sealed record PortalSession(string Id, string Name, IReadOnlyList<string> Groups, DateTimeOffset ExpiresAt);

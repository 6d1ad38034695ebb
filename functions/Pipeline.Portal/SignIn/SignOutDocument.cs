namespace Pipeline.Portal.SignIn;

/// <summary>
/// <c>POST /api/sign-out</c>: where the page sends the browser next, either the tenant's end-session endpoint (which
/// ends the Entra ID session and comes back to the signed-out page) or, where the tenant names none, the signed-out
/// page.
/// </summary>
public sealed record SignOutDocument(string Redirect);

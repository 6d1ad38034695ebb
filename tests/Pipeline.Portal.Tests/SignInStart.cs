using Microsoft.Extensions.Primitives;

namespace Pipeline.Portal.Tests;

/// <summary>The redirect that starts a sign-in: the authorization endpoint, its query, and the pending cookie set with it.</summary>
internal sealed record SignInStart(string Authorize, Dictionary<string, StringValues> Query, string PendingCookie);

using Microsoft.Playwright;

namespace Pipeline.Portal.Tests;

/// <summary>What Chromium says the pages' Content-Security-Policy refused, collected over a browser test.</summary>
internal static class ContentSecurityPolicyWatch
{
    /// <summary>Adds to <paramref name="refused"/> each refusal Chromium reports on <paramref name="page"/>.</summary>
    public static void Watch(IPage page, List<string> refused) => page.Console += (_, message) =>
    {
        if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
        {
            lock (refused)
            {
                refused.Add($"{page.Url}: {message.Text}");
            }
        }
    };
}

using System.Security.Cryptography;
using Pipeline.Publishing.Document;
using Pipeline.Publishing.Formats;
using Pipeline.Publishing.Pages;

namespace Pipeline.Publishing;

/// <summary>
/// What is published beside the plans (RULES.md §7): <c>feeds/v1/index.json</c> listing every served plan and
/// the landing page <c>index.html</c> at the container's root, and the hash they are published with.
/// </summary>
public static class IndexFiles
{
    /// <summary>index.json and the landing page, named by their paths in the open-data container.</summary>
    public static IReadOnlyList<FeedFile> Create(PlanIndexDocument index) =>
    [
        new(FeedPaths.IndexPath, PlanIndex.Json(index), "application/json; charset=utf-8", "public, max-age=300"),
        new(FeedPaths.LandingPath, LandingPage.Write(index), "text/html; charset=utf-8", "public, max-age=300"),
    ];

    /// <summary>SHA-256 of the index without its generation time, and of the landing page it makes.</summary>
    public static string ContentHash(PlanIndexDocument index)
    {
        var stable = index with { GeneratedAt = default };
        return Convert.ToHexStringLower(SHA256.HashData([.. PlanIndex.Json(stable), .. LandingPage.Write(stable)]));
    }

    /// <summary>
    /// The hash published with the index: that of the index and landing page, and the content hash of each plan's feed
    /// (<c>{planId}:{hash}</c>, in plan-id order), whose files the deployment's zip holds.
    /// </summary>
    public static string ContentHash(PlanIndexDocument index, IEnumerable<string> planContentHashes) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            string.Join('\n', [ContentHash(index), .. planContentHashes]))));
}

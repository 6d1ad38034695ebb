using Pipeline.Core.Feed;

namespace Pipeline.Core.Ports;

/// <summary>A portal the feed is pushed to after publication (a CKAN site such as BODIK ODCS).</summary>
public interface IPortalPublisher
{
    /// <summary>A stable name for the portal, under which its last successful push is remembered.</summary>
    string Name { get; }

    /// <summary>
    /// Whether the portal publishes the plan (it has a place for it, a CKAN dataset say). A plan it does
    /// not publish is never pushed to it and never waits for it (README, "Settings").
    /// </summary>
    bool Publishes(string planId);

    /// <summary>Pushes the files of a plan it <see cref="Publishes"/>; returns false (and logs why) where the portal did not take them. Never throws for a portal fault.</summary>
    Task<bool> PushAsync(string planId, IReadOnlyList<FeedFile> files, CancellationToken cancellationToken);
}

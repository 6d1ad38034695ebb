using Pipeline.Core.Feed;

namespace Pipeline.Core.Ports;

/// <summary>A portal the feed is pushed to after publication (a CKAN site such as BODIK ODCS).</summary>
public interface IPortalPublisher
{
    /// <summary>A stable name for the portal, under which its last successful push is remembered.</summary>
    string Name { get; }

    /// <summary>Pushes the files; returns false (and logs why) where the portal did not take them. Never throws for a portal fault.</summary>
    Task<bool> PushAsync(string planId, IReadOnlyList<FeedFile> files, CancellationToken cancellationToken);
}

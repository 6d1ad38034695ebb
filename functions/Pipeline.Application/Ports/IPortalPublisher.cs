using Pipeline.Domain.Catalogue;
using Pipeline.Publishing;
using Pipeline.Publishing.Formats;

namespace Pipeline.Application.Ports;

/// <summary>A portal the feed is pushed to after publication (a CKAN site such as BODIK ODCS).</summary>
public interface IPortalPublisher
{
    /// <summary>A stable name for the portal, under which its last successful push is remembered.</summary>
    string Name { get; }

    /// <summary>
    /// Where on the portal the plan goes (its CKAN dataset, say), or null where the portal does not publish it:
    /// such a plan is never pushed to it and never waits for it (docs/settings.md). The last push is remembered
    /// with its destination, so a plan pointed at another dataset is pushed there the next night.
    /// </summary>
    string? DestinationOf(PlanId planId);

    /// <summary>Whether the portal publishes the plan (it has a <see cref="DestinationOf"/> for it).</summary>
    bool Publishes(PlanId planId) => DestinationOf(planId) is not null;

    /// <summary>Pushes the files of a plan it <see cref="Publishes"/>; returns false (and logs why) where the portal
    /// did not take them. Never throws for a portal fault.</summary>
    Task<bool> PushAsync(PlanId planId, IReadOnlyList<FeedFile> files, CancellationToken cancellationToken);
}

namespace Pipeline.Application.Publication;

/// <summary>
/// What a portal's last push of a plan is remembered as: the content it took and where it went (a CKAN dataset),
/// so that new content, a failed push, or the plan pointed at another dataset each makes the next run push.
/// </summary>
public static class PortalPushMark
{
    /// <summary>The mark of <paramref name="contentHash"/> pushed to <paramref name="destination"/>.</summary>
    public static string Of(string contentHash, string destination) => $"{contentHash} to {destination}";
}

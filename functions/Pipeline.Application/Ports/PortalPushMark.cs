namespace Pipeline.Application.Ports;

/// <summary>
/// What a portal's last push of a plan is remembered as: the content it took and where it went (a CKAN dataset),
/// so that new content, a failed push, or the plan pointed at another dataset each makes the next run push. Stored
/// as the text <c>{contentHash} to {destination}</c>.
/// </summary>
public readonly record struct PortalPushMark(string ContentHash, string Destination)
{
    private const string Separator = " to ";

    /// <summary>
    /// Reads a stored mark. A mark stored before destinations were part of it (the hash alone) reads with no
    /// destination, so it equals no mark of today and that plan is pushed once more.
    /// </summary>
    public static PortalPushMark Parse(string text)
    {
        var at = text.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? new(text, "") : new(text[..at], text[(at + Separator.Length)..]);
    }

    /// <summary>The stored text: <c>{contentHash} to {destination}</c>.</summary>
    public override string ToString() => $"{ContentHash}{Separator}{Destination}";
}

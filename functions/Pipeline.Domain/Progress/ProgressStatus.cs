namespace Pipeline.Domain.Progress;

/// <summary>Where an indicator stands (RULES.md §4).</summary>
public enum ProgressStatus
{
    NoData,
    Achieved,
    OnTrack,
    Behind,
    Deteriorated,
}

namespace Pipeline.Domain.Progress;

/// <summary>The Open SDG progress measure with a target (sdg-build ProgressMeasure, direction positive).</summary>
public enum SdgProgress
{
    NotAvailable,
    TargetAchieved,
    SubstantialProgress,
    ModerateProgress,
    LimitedProgress,
    Deterioration,
}

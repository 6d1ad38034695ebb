using Pipeline.Domain.Catalogue;

namespace Pipeline.Spreadsheets.Headers;

/// <summary>One header cell read: its kind, the field or coordinate it names, and a unit or era it carries.</summary>
internal readonly record struct HeaderLabel(HeaderLabelKind Kind, HeaderField Field = default, FiscalYear Year =
    default,
    Area? Ward = null, int Month = 0, string? Unit = null, string? Era = null)
{
    public static HeaderLabel Unknown { get; } = new(HeaderLabelKind.Unknown);

    public bool IsKnown => Kind != HeaderLabelKind.Unknown;
}

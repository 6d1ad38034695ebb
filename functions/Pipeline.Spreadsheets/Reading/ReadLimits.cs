namespace Pipeline.Spreadsheets.Reading;

/// <summary>
/// Bounds enforced while a file streams, before memory grows. An operator may raise them
/// (section <c>Pipeline:ReadLimits</c>); the benchmark does, for its 1M-row files.
/// </summary>
public sealed record ReadLimits
{
    /// <summary>Largest upload in bytes (default 20 MB).</summary>
    public long MaxFileBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Largest uncompressed size of one part of a workbook (default 200 MB).</summary>
    public long MaxUncompressedBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>Most rows read over all sheets (default 100,000).</summary>
    public int MaxRows { get; init; } = 100_000;

    /// <summary>Highest column number (default 16,384, Excel's XFD).</summary>
    public int MaxColumns { get; init; } = 16_384;

    /// <summary>Longest cell text in characters (default 32,767, Excel's own limit).</summary>
    public int MaxCellCharacters { get; init; } = 32_767;

    /// <summary>Most characters in a workbook's shared-string table (default 16 million).</summary>
    public long MaxSharedStringCharacters { get; init; } = 16_000_000;

    /// <summary>Deepest element nesting in an .ods content part (default 64; LibreOffice writes about 10).</summary>
    public int MaxElementDepth { get; init; } = 64;

    /// <summary>
    /// Work a file may cause per byte of its size (default 32; <c>RULES.md §2</c>): rows and cells handed out, the
    /// characters of their text, and header lookups. Past it the file is <c>file_too_complex</c>.
    /// </summary>
    public int WorkPerByte { get; init; } = 32;

    /// <summary>Work any file may cause, however small (default 1,000,000).</summary>
    public long MinimumWork { get; init; } = 1_000_000;

    /// <summary>The defaults.</summary>
    public static ReadLimits Default { get; } = new();
}

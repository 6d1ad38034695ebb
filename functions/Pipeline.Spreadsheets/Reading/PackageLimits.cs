using System.IO.Compression;
using Pipeline.Domain.Problems;

namespace Pipeline.Spreadsheets.Reading;

/// <summary>
/// The zip-bomb guard shared by the zip-based formats (.xlsx, .ods): the sizes a package declares are checked
/// against <see cref="ReadLimits.MaxUncompressedBytes"/> (one part, and four times that for all parts) before
/// any XML is parsed. Decompression itself stops at the declared size, and the XML readers cap the characters
/// they read, so a package that lies about its sizes is bounded too.
/// </summary>
internal static class PackageLimits
{
    /// <summary>Throws <c>file_too_large</c> when the package declares more than the limits allow.</summary>
    public static void Check(ZipArchive zip, ReadLimits limits)
    {
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (entry.Length > limits.MaxUncompressedBytes || total > limits.MaxUncompressedBytes * 4)
            {
                throw new SpreadsheetReadException(ProblemCode.FileTooLarge,
                    $"展開後のサイズが上限（{limits.MaxUncompressedBytes:N0} バイト）を超えます（{entry.FullName}）。",
                    $"The workbook expands beyond the limit of {limits.MaxUncompressedBytes:N0} bytes " +
                        $"({entry.FullName}).");
            }
        }
    }
}

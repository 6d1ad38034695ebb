using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Xml;
using Pipeline.Domain.Problems;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Spreadsheets.Problems;

/// <summary>
/// Tells a file that cannot be read from a failure of our own code. Only what the format libraries raise
/// on a malformed file (XML, ZIP, Open XML packaging, ExcelDataReader, CsvHelper, text decoding) and our
/// own <see cref="SpreadsheetReadException"/> become a problem of the file; anything else (a
/// NullReferenceException, an IndexOutOfRangeException in our code …) is a bug and propagates, so that a
/// department is never told its file is broken when we are.
/// </summary>
internal static class ReadFailure
{
    private static readonly string[] FormatLibraries =
        ["ExcelDataReader", "DocumentFormat.OpenXml", "CsvHelper", "System.IO.Packaging"];

    /// <summary>True where the exception says the file is malformed or over a limit.</summary>
    public static bool IsFileProblem(Exception e) => e switch
    {
        SpreadsheetReadException or WorkBudgetExceededException => true,
        XmlException or InvalidDataException or DecoderFallbackException or EndOfStreamException => true,
        _ => IsFromFormatLibrary(e),
    };

    /// <summary>The problem a file failure is reported as.</summary>
    public static Problem ToProblem(Exception e) => e switch
    {
        SpreadsheetReadException read => ProblemCatalog.FromReader(read),
        WorkBudgetExceededException spent =>
            ProblemCatalog.FileTooComplex(spent.Sheet, spent.Row, spent.Limit, spent.FileBytes),
        _ => ProblemCatalog.FileUnreadable("壊れているか、対応していない形式です。",
            $"It is corrupt or of an unsupported kind ({e.GetType().Name}: {ProblemCatalog.Quote(e.Message)})."),
    };

    /// <summary>
    /// The format library's verdict on the file: an exception type it declares (OpenXmlPackageException,
    /// ExcelReaderException, CsvFormatException …), or any exception whose innermost frame outside the base
    /// library is the format library's own code (ExcelDataReader throws InvalidOperationException
    /// "Bad SST format" on a mangled string table). Where our code threw first, it is ours.
    /// </summary>
    private static bool IsFromFormatLibrary(Exception e)
    {
        if (IsFormatLibrary(e.GetType().Assembly.GetName().Name))
        {
            return true;
        }

        foreach (var frame in new StackTrace(e, fNeedFileInfo: false).GetFrames())
        {
            // DiagnosticMethodInfo, not StackFrame.GetMethod(): a compiled-ahead-of-time program keeps the frames'
            // names for stack traces, not every method's reflection data (GetMethod() would give null there).
            var name = DiagnosticMethodInfo.Create(frame)?.DeclaringAssemblyName is { } assembly
                ? new AssemblyName(assembly).Name
                : null;
            if (IsFormatLibrary(name))
            {
                return true;
            }

            if (name is null || name.StartsWith("System.", StringComparison.Ordinal)
                || name is "System" or "netstandard")
            {
                continue; // the base library, called by whoever is above
            }

            return false;
        }

        return false;
    }

    private static bool IsFormatLibrary(string? assembly) =>
        assembly is not null && FormatLibraries.Any(name => assembly.StartsWith(name, StringComparison.Ordinal));
}

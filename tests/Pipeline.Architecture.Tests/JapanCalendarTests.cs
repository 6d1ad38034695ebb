using System.Text.RegularExpressions;

namespace Pipeline.Architecture.Tests;

/// <summary>
/// Japan's offset is written once, in <c>Pipeline.Domain/Calendar/JapanCalendar.cs</c>: every rule that needs today in
/// Japan, a fiscal year or a due date asks the calendar (docs/architecture.md).
/// </summary>
public sealed partial class JapanCalendarTests
{
    private static readonly string Calendar = Path.Combine("Pipeline.Domain", "Calendar", "JapanCalendar.cs");

    [Fact]
    public void Only_the_calendar_writes_japans_offset()
    {
        var files = ProductSource.CSharpFiles();
        Assert.Contains(files, f => Path.GetRelativePath(ProductSource.Functions, f) == Calendar);
        var copies = files
            .Where(f => Path.GetRelativePath(ProductSource.Functions, f) != Calendar)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Number: i + 1, Line: line)))
            .Where(l => JapanOffset().IsMatch(l.Line))
            .Select(l => $"{Path.GetRelativePath(ProductSource.Functions, l.File)}:{l.Number}: {l.Line.Trim()}")
            .ToList();
        Assert.True(copies.Count == 0, "Japan's offset outside JapanCalendar (use the calendar):\n" + string.Join("\n", copies));
    }

    [Theory]
    [InlineData("    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);")]
    [InlineData("var jst = new TimeSpan(9, 0, 0);")]
    [InlineData("TimeZoneInfo.FindSystemTimeZoneById(\"Asia/Tokyo\")")]
    [InlineData("TimeZoneInfo.FindSystemTimeZoneById(\"Tokyo Standard Time\")")]
    public void The_search_recognises_each_way_of_writing_the_offset(string line) => Assert.Matches(JapanOffset(), line);

    [GeneratedRegex(@"FromHours\(\s*9\s*\)|new TimeSpan\(\s*9\s*,\s*0\s*,\s*0\s*\)|Asia/Tokyo|Tokyo Standard Time")]
    private static partial Regex JapanOffset();
}

using System.Text.RegularExpressions;

namespace Pipeline.Architecture.Tests;

/// <summary>
/// The product's files stay small, narrow (120 characters, .editorconfig) and hold one public type each
/// (docs/architecture.md), and no project holds most of the product.
/// </summary>
public sealed partial class ProductFileTests
{
    [Fact]
    public void No_product_file_is_over_300_lines()
    {
        var long_ = ProductSource.CSharpFiles()
            .Select(f => (File: f, Lines: File.ReadAllLines(f).Length))
            .Where(f => f.Lines > 300)
            .Select(f => $"{Path.GetRelativePath(ProductSource.Functions, f.File)}: {f.Lines} lines")
            .ToList();
        Assert.True(long_.Count == 0, "Files over 300 lines:\n" + string.Join("\n", long_));
    }

    [Fact]
    public void No_product_line_is_over_120_characters()
    {
        var wide = ProductSource.CSharpFiles()
            .SelectMany(f => File.ReadAllLines(f)
                .Select((line, i) => (Line: line, Number: i + 1))
                .Where(l => l.Line.Length > 120)
                .Select(l => $"{Path.GetRelativePath(ProductSource.Functions, f)}:{l.Number} ({l.Line.Length})"))
            .ToList();
        Assert.True(wide.Count == 0, $"{wide.Count} lines over 120 characters:\n" + string.Join("\n", wide.Take(50)));
    }

    [Fact]
    public void A_product_file_holds_at_most_one_public_top_level_type()
    {
        var crowded = ProductSource.CSharpFiles()
            .Select(f => (File: f, Types: PublicTypesOf(File.ReadAllText(f))))
            .Where(f => f.Types.Count > 1)
            .Select(f => $"{Path.GetRelativePath(ProductSource.Functions, f.File)}: {string.Join(", ", f.Types)}")
            .ToList();
        Assert.True(crowded.Count == 0, "Files with more than one public top-level type:\n" + string.Join("\n", crowded));
    }

    [Fact]
    public void The_public_type_count_sees_every_kind_of_declaration()
    {
        const string source = """
            namespace X;

            public sealed record A(int V);
            public readonly record struct B(int V);
            public static partial class C { public sealed class Nested; }
            public enum D { One }
            public interface IE;
            public delegate void F(int v);
            internal sealed class G;
            """;
        Assert.Equal(["A", "B", "C", "D", "IE", "F"], PublicTypesOf(source));
    }

    [Fact]
    public void No_product_project_holds_over_40_percent_of_the_product_lines()
    {
        var lines = ProductSource.CSharpFiles()
            .GroupBy(ProductSource.ProjectOf)
            .ToDictionary(g => g.Key, g => g.Sum(f => File.ReadAllLines(f).Length), StringComparer.Ordinal);
        var total = lines.Values.Sum();
        var large = lines.Where(p => p.Value > total * 0.4).Select(p => $"{p.Key}: {p.Value} of {total} lines").ToList();
        Assert.True(large.Count == 0, "Projects over 40 % of the product's lines:\n" + string.Join("\n", large));
    }

    private static List<string> PublicTypesOf(string source) =>
        TopLevelPublicType().Matches(source).Select(m => m.Groups["name"].Value).ToList();

    /// <summary>A public type declared at the top level of a file-scoped namespace (column 0).</summary>
    [GeneratedRegex(
        @"^public (?:(?:static|sealed|abstract|readonly|partial|ref) )*(?:record struct|record class|record|class|struct|interface|enum|delegate \S+) (?<name>\w+)",
        RegexOptions.Multiline)]
    private static partial Regex TopLevelPublicType();
}

using System.Text.RegularExpressions;
using Pipeline.Development;

namespace Pipeline.Architecture.Tests;

/// <summary>
/// The README stays a short front door and the manuals stay true to the repository (docs/architecture.md):
/// the two commands near the top, every relative link resolving, every product project named, and the code
/// citing RULES.md and docs/, never the README.
/// </summary>
public sealed partial class DocumentationTests
{
    private const string RunCommand = "npm ci && dotnet run --project functions/Pipeline.Cli -- serve";
    private const string TestCommand = "bash .ci/run";

    private static string Root => RepositoryRoot.Find();

    private static string Readme => Path.Combine(Root, "README.md");

    [Fact]
    public void The_README_is_at_most_150_lines_with_the_run_and_test_commands_in_its_first_60()
    {
        var lines = File.ReadAllLines(Readme);
        Assert.True(lines.Length <= 150, $"README.md has {lines.Length} lines; move manuals into docs/.");
        var top = lines.Take(60).ToList();
        Assert.Contains(top, l => l.Trim().StartsWith(RunCommand, StringComparison.Ordinal));
        Assert.Contains(top, l => l.Trim() == TestCommand);
    }

    [Fact]
    public void Every_relative_link_of_the_README_and_the_manuals_points_at_something_that_exists()
    {
        var files = Manuals().Prepend(Readme).ToList();
        Assert.True(files.Count > 5, "docs/ holds the manuals");
        var broken = files
            .SelectMany(file => MarkdownLinks.RelativeTargets(File.ReadAllText(file))
                .Where(target => !Resolves(file, target))
                .Select(target => $"{Path.GetRelativePath(Root, file)}: {target}"))
            .ToList();
        Assert.True(broken.Count == 0, "Links to nothing:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void Every_manual_is_linked_from_the_README()
    {
        var linked = MarkdownLinks.RelativeTargets(File.ReadAllText(Readme))
            .Select(t => Path.GetFullPath(Path.Combine(Root, t.Split('#')[0])))
            .ToHashSet(StringComparer.Ordinal);
        var unlinked = Manuals().Where(m => !linked.Contains(m)).Select(m => Path.GetRelativePath(Root, m)).ToList();
        Assert.True(unlinked.Count == 0, "Manuals the README does not link:\n" + string.Join("\n", unlinked));
    }

    [Fact]
    public void The_README_and_the_architecture_name_every_product_project()
    {
        var readme = File.ReadAllText(Readme);
        var architecture = File.ReadAllText(Path.Combine(Root, "docs", "architecture.md"));
        var missing = ProductSource.Projects()
            .Where(p => !readme.Contains($"functions/{p} ", StringComparison.Ordinal))
            .Select(p => $"README.md: functions/{p}")
            .Concat(ProductSource.Projects()
                .Where(p => !architecture.Contains($"`{p}`", StringComparison.Ordinal))
                .Select(p => $"docs/architecture.md: `{p}`"))
            .ToList();
        Assert.True(missing.Count == 0, "Projects the layout does not name:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void No_product_code_cites_the_README()
    {
        var citing = Directory.GetFiles(ProductSource.Functions, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .SelectMany(f => File.ReadLines(f)
                .Select((line, i) => (line, number: i + 1))
                .Where(l => RootReadme().IsMatch(l.line))
                .Select(l => $"{Path.GetRelativePath(Root, f)}:{l.number}: {l.line.Trim()}"))
            .ToList();
        Assert.True(citing.Count == 0, "Cite RULES.md or docs/ instead:\n" + string.Join("\n", citing));
    }

    [Fact]
    public void Every_section_of_RULES_md_the_code_cites_exists()
    {
        var sections = File.ReadLines(Path.Combine(ProductSource.Functions, "RULES.md"))
            .Select(l => RulesHeading().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);
        var missing = Directory.GetFiles(ProductSource.Functions, "*.*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".cs" or ".js" or ".json")
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .SelectMany(f => File.ReadLines(f)
                .Select((line, i) => (line, number: i + 1))
                .Where(l => l.line.Contains("RULES.md", StringComparison.Ordinal))
                .SelectMany(l => SectionSign().Matches(l.line)
                    .Where(m => !sections.Contains(m.Groups[1].Value))
                    .Select(m => $"{Path.GetRelativePath(Root, f)}:{l.number}: §{m.Groups[1].Value}")))
            .ToList();
        Assert.True(sections.Count > 10, "RULES.md's sections are headed ## n.");
        Assert.True(missing.Count == 0, "Sections RULES.md does not have:\n" + string.Join("\n", missing));
    }

    [Theory]
    [InlineData("/// The nightly run (README, \"Publication\").", true)]
    [InlineData("// The department portal (README \"The department portal\").", true)]
    [InlineData("/// See the README.md.", true)]
    [InlineData("/// At scale: infra/README.md.", false)]
    [InlineData("/// What the figures say: tests/Pipeline.Benchmarks/README.md.", false)]
    public void A_citation_of_the_README_is_told_from_another_folder_s_README(string line, bool citesTheReadme)
    {
        Assert.Equal(citesTheReadme, RootReadme().IsMatch(line));
    }

    private static List<string> Manuals() =>
        Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal).ToList();

    private static bool Resolves(string file, string target)
    {
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? target : target[..hash];
        var anchor = hash < 0 ? null : target[(hash + 1)..];
        var resolved = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, path));
        if (!File.Exists(resolved) && !Directory.Exists(resolved))
        {
            return false;
        }

        return anchor is null || !resolved.EndsWith(".md", StringComparison.Ordinal)
            || MarkdownLinks.Anchors(File.ReadAllText(resolved)).Contains(anchor);
    }

    [GeneratedRegex(@"^## (\d+)\. ")]
    private static partial Regex RulesHeading();

    [GeneratedRegex(@"§(\d+)")]
    private static partial Regex SectionSign();

    /// <summary>"README" not preceded by a folder: the repository's README, not infra/README.md and the like.</summary>
    [GeneratedRegex(@"(?<![\w.-]/)README")]
    private static partial Regex RootReadme();
}

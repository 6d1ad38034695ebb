using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using Pipeline.Development;

namespace Pipeline.Architecture.Tests;

/// <summary>
/// The manuals keep up with the code (docs/architecture.md): every setting an options class binds is in
/// docs/settings.md, and every verb of <c>pipeline</c> is in docs/command-line.md.
/// </summary>
public sealed partial class ManualCoverageTests
{
    private static string Docs => Path.Combine(RepositoryRoot.Find(), "docs");

    [Fact]
    public void Every_bound_setting_is_in_the_settings_manual()
    {
        var manual = File.ReadAllText(Path.Combine(Docs, "settings.md"));
        var sections = OptionsSections().ToList();
        Assert.True(sections.Count >= 4, "the options classes are found: " + string.Join(", ", sections));
        var missing = sections
            .SelectMany(s => Settings(s.Type).Select(name => (s.Prefix, name)))
            .Where(p => !manual.Contains(p.Prefix + p.name, StringComparison.Ordinal)
                && !manual.Contains($"`__{p.name.Split("__")[^1]}`", StringComparison.Ordinal))
            .Select(p => p.Prefix + p.name)
            .ToList();
        Assert.True(missing.Count == 0, "Settings docs/settings.md does not list:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_verb_is_in_the_command_line_manual()
    {
        var manual = File.ReadAllText(Path.Combine(Docs, "command-line.md"));
        var cli = Path.Combine(ProductSource.Functions, "Pipeline.Cli");
        var verbs = Directory.GetFiles(cli, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .SelectMany(f => Verb().Matches(File.ReadAllText(f)).Select(m => m.Groups["verb"].Value))
            .Distinct()
            .ToList();
        Assert.Contains("serve", verbs);
        var missing = verbs.Where(v => !manual.Contains($"| `{v}", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "Verbs docs/command-line.md does not list:\n" + string.Join("\n", missing));
    }

    /// <summary>
    /// Every product type with a <c>Section</c> constant (an options class bound to that section), and the read
    /// limits, bound from <c>Pipeline:ReadLimits</c>.
    /// </summary>
    private static IEnumerable<(Type Type, string Prefix)> OptionsSections()
    {
        var types = ProductSource.Projects()
            .Where(p => Layers.Rank[p] < Layers.Rank["Pipeline.Functions"]) // the hosts bind no options of their own
            .SelectMany(p => Assembly.Load(p).GetExportedTypes())
            .ToList();
        foreach (var type in types)
        {
            if (type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field)
            {
                yield return (type, $"{field.GetRawConstantValue()}__");
            }
        }

        yield return (types.Single(t => t.Name == "ReadLimits"), "Pipeline__ReadLimits__");
    }

    /// <summary>
    /// The properties the configuration binder sets: writable ones, and collections it fills; for a list of objects
    /// (the portal's group mapping) also each item's, as <c>Groups__{i}__Role</c>.
    /// </summary>
    private static IEnumerable<string> Settings(Type options) =>
        options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true }
                || (p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType)))
            .SelectMany(p => ListItem(p.PropertyType) is { } item
                ? Settings(item).Select(name => $"{p.Name}__{{i}}__{name}").Prepend(p.Name)
                : [p.Name]);

    /// <summary>The item type of a list of objects (not strings, not a dictionary); null for anything else.</summary>
    private static Type? ListItem(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>)
            && type.GetGenericArguments()[0] is { IsClass: true } item && item != typeof(string)
            ? item
            : null;

    [GeneratedRegex(@"new Command\(""(?<verb>[a-z-]+)""")]
    private static partial Regex Verb();
}

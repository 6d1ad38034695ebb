
namespace Pipeline.Architecture.Tests;

/// <summary>
/// The house's rules (docs/architecture.md), checked on the code itself: each project references only the
/// layers below it, no folder of a project uses another that uses it back, and the product's files stay small,
/// one public type each, and short of line.
/// </summary>
public sealed class LayerTests
{
    [Fact]
    public void Every_product_project_has_a_layer()
    {
        Assert.Equal(Layers.Rank.Keys.Order(StringComparer.Ordinal), ProductSource.Projects());
    }

    [Fact]
    public void A_project_references_only_projects_of_a_lower_layer()
    {
        var upward = ProductSource.Projects()
            .SelectMany(p => ProductSource.ReferencesOf(p)
                .Where(r => !Layers.Rank.TryGetValue(r, out var rank) || rank >= Layers.Rank[p])
                .Select(r => $"{p} (layer {Layers.Rank[p]}) → {r} (layer {(Layers.Rank.TryGetValue(r, out var rank) ? rank : "none")})"))
            .ToList();
        Assert.True(upward.Count == 0, "References that do not go down a layer:\n" + string.Join("\n", upward));
    }

    [Fact]
    public void The_Functions_app_never_references_development_tooling()
    {
        Assert.DoesNotContain("Pipeline.Development", Closure("Pipeline.Functions"));
    }

    private static HashSet<string> Closure(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([project]);
        while (queue.TryDequeue(out var next))
        {
            foreach (var reference in ProductSource.ReferencesOf(next).Where(seen.Add))
            {
                queue.Enqueue(reference);
            }
        }

        return seen;
    }
}

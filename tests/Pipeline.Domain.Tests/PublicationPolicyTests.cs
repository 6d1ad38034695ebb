using System.Text;
using Pipeline.Domain.Catalogue;

namespace Pipeline.Domain.Tests;

/// <summary>RULES.md §14: the plan file's <c>publication</c> section, read or refused with its JSON path.</summary>
public sealed class PublicationPolicyTests
{
    private static string PlanJson =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Plans", "two-indicator-test-plan.json"));

    private static Plan Load(string json) =>
        PlanDefinitionLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "x.json");

    private static string With(string section) => PlanJson.TrimEnd().TrimEnd('}') + ", " + section + " }";

    [Fact]
    public void Without_the_section_publication_is_automatic_and_review_true_asks_for_approval()
    {
        Assert.False(Load(PlanJson).Publication.Review);
        Assert.True(Load(With("\"publication\": { \"review\": true }")).Publication.Review);
        Assert.False(Load(With("\"publication\": { \"review\": false }")).Publication.Review);
        Assert.False(Load(With("\"publication\": {}")).Publication.Review);
        Assert.True(BuiltInPlans.Default.Publication == PublicationPolicy.Automatic);
    }

    [Theory]
    [InlineData("\"yes\"")]
    [InlineData("1")]
    [InlineData("[true]")]
    public void A_review_that_is_not_true_or_false_is_refused_at_its_json_path(string value)
    {
        var e = Assert.Throws<PlanDefinitionException>(() => Load(With($"\"publication\": {{ \"review\": {value} }}")));
        var problem = Assert.Single(e.Problems);
        Assert.Equal("$.publication.review", problem.Path);
        Assert.Contains("true or false", problem.Message, StringComparison.Ordinal);
    }
}

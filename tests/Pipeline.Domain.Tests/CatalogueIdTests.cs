using System.Text.Json;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Json;

namespace Pipeline.Domain.Tests;

/// <summary>
/// The catalogue's ids as types (issue 21): each is read once by the rule of the plan file, refuses what the rule
/// refuses, and is written in JSON as the plain string it wraps, as a value and as a dictionary key.
/// </summary>
public sealed class CatalogueIdTests
{
    [Theory]
    [InlineData("kumamoto-welfare-4")]
    [InlineData("k4")]
    [InlineData("0-plan")]
    public void A_plan_id_is_a_path_safe_id(string text)
    {
        Assert.True(PlanId.TryParse(text, out var id));
        Assert.Equal(text, id.Value);
        Assert.Equal(text, id.ToString());
        Assert.Equal(id, PlanId.Parse(text));
        Assert.Equal(PathSafeId.IsValid(text), PlanId.TryParse(text, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("k")]
    [InlineData("Kumamoto")]
    [InlineData("-plan")]
    [InlineData("plan/x")]
    [InlineData("../x")]
    [InlineData("plan~x")]
    [InlineData("計画")]
    [InlineData("plan\n")]
    [InlineData(null)]
    public void A_plan_or_department_id_refuses_what_the_plan_file_refuses(string? text)
    {
        Assert.False(PlanId.TryParse(text, out var plan));
        Assert.Equal("", plan.Value);
        Assert.False(DepartmentId.TryParse(text, out var department));
        Assert.Equal("", department.Value);
        if (text is not null)
        {
            Assert.False(PathSafeId.IsValid(text));
            Assert.Throws<FormatException>(() => PlanId.Parse(text));
            Assert.Throws<FormatException>(() => DepartmentId.Parse(text));
        }
    }

    [Fact]
    public void A_department_id_is_a_path_safe_id()
    {
        var id = DepartmentId.Parse("chiiki-houkatsu");
        Assert.Equal("chiiki-houkatsu", id.Value);
        Assert.Equal(id, DepartmentId.Parse("chiiki-houkatsu"));
        Assert.NotEqual(id, DepartmentId.Parse("shakyo"));
        Assert.Equal(63, DepartmentId.Parse("a" + new string('b', 62)).Value.Length);
        Assert.False(DepartmentId.TryParse("a" + new string('b', 63), out _));
    }

    [Theory]
    [InlineData("1-1-1")]
    [InlineData("Ⅰ-1")]
    [InlineData("指標 1")]
    public void An_indicator_or_initiative_id_is_any_text_that_is_not_blank(string text)
    {
        Assert.Equal(text, IndicatorId.Parse(text).Value);
        Assert.Equal(text, InitiativeId.Parse(text).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t")]
    [InlineData(null)]
    public void An_indicator_or_initiative_id_refuses_a_blank_text(string? text)
    {
        Assert.False(IndicatorId.TryParse(text, out _));
        Assert.False(InitiativeId.TryParse(text, out _));
        if (text is not null)
        {
            Assert.Throws<FormatException>(() => IndicatorId.Parse(text));
            Assert.Throws<FormatException>(() => InitiativeId.Parse(text));
        }
    }

    [Theory]
    [InlineData("431001", true)]
    [InlineData("000000", true)]
    [InlineData("43100", false)]
    [InlineData("4310011", false)]
    [InlineData("43100a", false)]
    [InlineData("４３１００１", false)]
    [InlineData("431001\n", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void An_area_code_is_six_digits_as_the_plan_file_requires(string? text, bool valid)
    {
        Assert.Equal(valid, AreaCode.TryParse(text, out var code));
        Assert.Equal(valid ? text : "", code.Value);
        if (text is not null)
        {
            Assert.Equal(valid, AreaCode.IsValid(text));
            // The plan file's rule: the loader refuses the same codes (an empty one as missing).
            Assert.Equal(valid, CityCodeProblems(text).Count == 0);
        }
    }

    [Fact]
    public void Every_id_is_written_in_json_as_its_plain_text_and_read_back()
    {
        var ids = new Ids(PlanId.Parse("kumamoto-welfare-4"), DepartmentId.Parse("shakyo"), IndicatorId.Parse("1-1-1"),
            InitiativeId.Parse("1-1-1-1"), AreaCode.Parse("431001"));
        var json = JsonSerializer.Serialize(ids);
        Assert.Equal("""{"Plan":"kumamoto-welfare-4","Department":"shakyo","Indicator":"1-1-1","Initiative":"1-1""" +
            """-1-1","Area":"431001"}""", json);
        Assert.Equal(ids, JsonSerializer.Deserialize<Ids>(json));

        var byArea = new Dictionary<AreaCode, decimal> { [AreaCode.Parse("431010")] = 1.5m };
        Assert.Equal("""{"431010":1.5}""", JsonSerializer.Serialize(byArea));
        Assert.Equal(byArea, JsonSerializer.Deserialize<Dictionary<AreaCode, decimal>>("""{"431010":1.5}"""));
        var byDepartment = new Dictionary<DepartmentId, int> { [DepartmentId.Parse("shakyo")] = 2 };
        Assert.Equal(byDepartment,
            JsonSerializer.Deserialize<Dictionary<DepartmentId, int>>(JsonSerializer.Serialize(byDepartment)));
    }

    [Theory]
    [InlineData("""{"Plan":"Kumamoto","Department":"shakyo","Indicator":"1","Initiative":"1","Area":"431001"}""")]
    [InlineData("""{"Plan":"k4","Department":"../x","Indicator":"1","Initiative":"1","Area":"431001"}""")]
    [InlineData("""{"Plan":"k4","Department":"shakyo","Indicator":" ","Initiative":"1","Area":"431001"}""")]
    [InlineData("""{"Plan":"k4","Department":"shakyo","Indicator":"1","Initiative":"","Area":"431001"}""")]
    [InlineData("""{"Plan":"k4","Department":"shakyo","Indicator":"1","Initiative":"1","Area":"43100"}""")]
    [InlineData("""{"Plan":4,"Department":"shakyo","Indicator":"1","Initiative":"1","Area":"431001"}""")]
    public void Json_that_is_not_an_id_is_refused(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Ids>(json));

    [Fact]
    public void Each_id_type_is_converted_by_the_plain_string_converter()
    {
        foreach (var (type, converter) in new[]
                 {
                     (typeof(PlanId), typeof(StringValueJsonConverter<PlanId>)),
                     (typeof(DepartmentId), typeof(StringValueJsonConverter<DepartmentId>)),
                     (typeof(IndicatorId), typeof(StringValueJsonConverter<IndicatorId>)),
                     (typeof(InitiativeId), typeof(StringValueJsonConverter<InitiativeId>)),
                     (typeof(AreaCode), typeof(StringValueJsonConverter<AreaCode>)),
                 })
        {
            var attribute = type.GetCustomAttributes(false)
                .OfType<System.Text.Json.Serialization.JsonConverterAttribute>().Single();
            Assert.Equal(converter, attribute.ConverterType);
        }
    }

    /// <summary>The loader's problems at <c>$.areas.city.code</c> of a valid plan file given that code.</summary>
    private static IReadOnlyList<PlanDefinitionProblem> CityCodeProblems(string code)
    {
        var file = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Plans", "two-indicator-test-plan.json"));
        var node = System.Text.Json.Nodes.JsonNode.Parse(file)!;
        node["areas"]!["city"]!["code"] = code;
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(node.ToJsonString()));
        try
        {
            PlanDefinitionLoader.Load(stream, "city-code.json");
            return [];
        }
        catch (PlanDefinitionException e)
        {
            return e.Problems.Where(p => p.Path == "$.areas.city.code").ToArray();
        }
    }

    private sealed record Ids(
        PlanId Plan, DepartmentId Department, IndicatorId Indicator, InitiativeId Initiative, AreaCode Area);
}

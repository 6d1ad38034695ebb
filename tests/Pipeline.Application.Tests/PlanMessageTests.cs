using System.Text.Json;
using Pipeline.Application.Publication;
using Pipeline.Domain.Json;

namespace Pipeline.Application.Tests;

/// <summary>
/// A plan's queue message keeps the text it had when its reason was a string constant: messages already on the
/// queue during a deployment are read, and new ones read the same.
/// </summary>
public sealed class PlanMessageTests
{
    private static readonly DateTimeOffset DecidedAt = new(2026, 11, 26, 17, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(PlanReason.First, "first")]
    [InlineData(PlanReason.Upload, "upload")]
    [InlineData(PlanReason.Definition, "definition")]
    [InlineData(PlanReason.Code, "code")]
    [InlineData(PlanReason.Calendar, "calendar")]
    [InlineData(PlanReason.Portal, "portal")]
    [InlineData(PlanReason.Forced, "forced")]
    public void Every_reason_is_written_as_before(PlanReason reason, string text)
    {
        var json = $$"""{"planId":"kumamoto-welfare-4","reason":"{{text}}","decidedAt":"2026-11-26T17:00:00+00:00","force":false}""";
        Assert.Equal(text, PipelineJson.Name(reason));
        Assert.Equal(json, new PlanMessage("kumamoto-welfare-4", reason, DecidedAt).ToJson());
        Assert.Equal(new PlanMessage("kumamoto-welfare-4", reason, DecidedAt), PlanMessage.Parse(json));
    }

    [Fact]
    public void Every_reason_is_listed_above() => Assert.Equal(7, Enum.GetValues<PlanReason>().Length);

    [Theory]
    [InlineData("""{"planId":"p","reason":"later","decidedAt":"2026-11-26T17:00:00+00:00"}""")]
    [InlineData("""{"planId":"p","reason":1,"decidedAt":"2026-11-26T17:00:00+00:00"}""")]
    public void A_reason_that_is_not_one_is_refused(string json) =>
        Assert.Throws<JsonException>(() => PlanMessage.Parse(json));
}

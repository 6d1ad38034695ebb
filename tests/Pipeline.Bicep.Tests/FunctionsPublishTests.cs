using System.Xml.Linq;

namespace Pipeline.Bicep.Tests;

/// <summary>
/// The Functions app is published precompiled (ReadyToRun) for the operating system its plan runs: an instance the
/// Flex Consumption plan starts for an upload runs native code from its first call (issue 27, tenth pass).
/// </summary>
public sealed class FunctionsPublishTests
{
    [Fact]
    public void The_function_app_publishes_ready_to_run_for_the_linux_its_flex_consumption_plan_runs()
    {
        var plan = Bicep.OfType("Microsoft.Web/serverfarms").Single();
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool)plan["properties"]!["reserved"]!, "a Linux plan (reserved: true)");
        Assert.Contains("linux", (string?)Bicep.OfType("Microsoft.Web/sites").Single()["kind"], StringComparison.Ordinal);

        var project = XDocument.Load(Path.Combine(Bicep.InfraFolder, "..", "functions", "Pipeline.Functions",
            "Pipeline.Functions.csproj"));
        var publishing = project.Root!.Elements("PropertyGroup")
            .Single(g => ((string?)g.Attribute("Condition"))?.Contains("'$(_IsPublishing)' == 'true'",
                StringComparison.Ordinal) == true);
        Assert.Equal("linux-x64", (string?)publishing.Element("RuntimeIdentifier"));
        Assert.Equal("true", (string?)publishing.Element("PublishReadyToRun"));
        Assert.Equal("false", (string?)publishing.Element("SelfContained"));
        // Only publishing is bound to the platform: no runtime or precompilation in any other property group, so
        // builds and tests stay portable (and FunctionsMetadataTests finds bin/<configuration>/net10.0).
        Assert.Single(project.Descendants("RuntimeIdentifier"));
        Assert.Single(project.Descendants("PublishReadyToRun"));
    }
}

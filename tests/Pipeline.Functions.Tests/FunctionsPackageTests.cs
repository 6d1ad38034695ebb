using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>
/// What ships in the Functions app: its build output (what a publish packs) holds no development tooling,
/// nothing that starts processes (the Azurite launcher lives in Pipeline.Development, for the CLI and tests).
/// </summary>
public sealed class FunctionsPackageTests
{
    private static string OutputFolder()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var folder = Path.Combine(RepositoryRoot.Find(), "functions", "Pipeline.Functions", "bin", configuration, "net10.0");
        Assert.True(File.Exists(Path.Combine(folder, "Pipeline.Functions.dll")), $"{folder} has no Pipeline.Functions.dll: build Pipeline.Functions first.");
        return folder;
    }

    [Fact]
    public void The_functions_app_output_holds_no_development_tooling()
    {
        var folder = OutputFolder();
        var ours = Directory.EnumerateFiles(folder, "Pipeline.*.dll").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Pipeline.Application.dll", "Pipeline.Domain.dll", "Pipeline.Functions.dll", "Pipeline.Hosting.dll", "Pipeline.Infrastructure.dll", "Pipeline.Portal.dll", "Pipeline.Publishing.dll", "Pipeline.Spreadsheets.dll"], ours);

        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "Pipeline.Functions.deps.json")));
        var libraries = deps.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name).ToList();
        Assert.DoesNotContain(libraries, l => l.StartsWith("Pipeline.Development", StringComparison.Ordinal));
    }

    [Fact]
    public void No_assembly_of_ours_in_the_functions_app_can_start_a_process()
    {
        var folder = OutputFolder();
        foreach (var path in Directory.EnumerateFiles(folder, "Pipeline.*.dll"))
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            var metadata = pe.GetMetadataReader();
            var referenced = metadata.TypeReferences
                .Select(h => metadata.GetTypeReference(h))
                .Select(t => $"{metadata.GetString(t.Namespace)}.{metadata.GetString(t.Name)}")
                .ToHashSet(StringComparer.Ordinal);
            Assert.True(referenced.Count > 10, $"{path}: too few type references read ({referenced.Count}); the check reads nothing");
            Assert.DoesNotContain("System.Diagnostics.Process", referenced);
            Assert.DoesNotContain("System.Diagnostics.ProcessStartInfo", referenced);
        }
    }
}

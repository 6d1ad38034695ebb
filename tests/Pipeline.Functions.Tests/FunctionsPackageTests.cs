using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using Pipeline.Application.Publication;
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

    [Fact]
    public void The_code_version_changes_with_every_assembly_the_functions_app_ships()
    {
        using var copy = new TempFolder("shipped-code-");
        foreach (var path in Directory.EnumerateFiles(OutputFolder(), "Pipeline.*.dll"))
        {
            File.Copy(path, Path.Combine(copy.Path, Path.GetFileName(path)));
        }

        var shipped = ShippedCode.Assemblies(copy.Path);
        Assert.Equal(8, shipped.Count);
        var version = ShippedCode.VersionOf(copy.Path);
        foreach (var path in shipped)
        {
            // Another build of this assembly: here, another assembly's bytes (another module version id) under its
            // name.
            var original = File.ReadAllBytes(path);
            var other = shipped.First(p => p != path);
            Assert.NotEqual(ShippedCode.ModuleVersionId(path), ShippedCode.ModuleVersionId(other));
            File.Copy(other, path, overwrite: true);
            Assert.NotEqual(version, ShippedCode.VersionOf(copy.Path));
            File.WriteAllBytes(path, original);
            Assert.Equal(version, ShippedCode.VersionOf(copy.Path));
        }
    }

    [Fact]
    public void The_nightly_run_takes_the_version_of_every_assembly_beside_it()
    {
        // Before issue 23 it was Pipeline.Application's module version id alone.
        Assert.Equal(ShippedCode.VersionOf(AppContext.BaseDirectory), ShippedCode.Current);
        Assert.Contains(ShippedCode.Assemblies(AppContext.BaseDirectory),
            p => Path.GetFileName(p) == "Pipeline.Spreadsheets.dll");
        Assert.NotEqual(typeof(ShippedCode).Assembly.ManifestModule.ModuleVersionId.ToString("N"), ShippedCode.Current);
    }
}

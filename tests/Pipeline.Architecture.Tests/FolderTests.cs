namespace Pipeline.Architecture.Tests;

/// <summary>
/// Inside a project no two folders (namespaces) use each other, directly or round a loop (docs/architecture.md):
/// read from the compiled assemblies, so every use counts, not only the usings.
/// </summary>
public sealed class FolderTests
{
    public static TheoryData<string> Assemblies() => new(Layers.Rank.Keys.Where(p => p != "Pipeline.Cli"));

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void No_two_folders_of_a_project_use_each_other(string project)
    {
        var loops = NamespaceGraph.Of(Path.Combine(AppContext.BaseDirectory, project + ".dll")).Loops();
        Assert.True(loops.Count == 0, $"Folders of {project} that use each other in a loop:\n" + string.Join("\n", loops));
    }

    [Fact]
    public void The_command_line_has_no_folder_loops_either()
    {
        // The command line's program is pipeline.dll (its assembly name), not Pipeline.Cli.dll.
        var loops = NamespaceGraph.Of(Path.Combine(AppContext.BaseDirectory, "pipeline.dll")).Loops();
        Assert.True(loops.Count == 0,
            "Folders of Pipeline.Cli that use each other in a loop:\n" + string.Join("\n", loops));
    }
}

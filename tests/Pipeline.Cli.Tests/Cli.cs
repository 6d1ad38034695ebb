using Pipeline.Testing;

namespace Pipeline.Cli.Tests;

/// <summary>Runs the command line in process, on the run's Azurite under a storage prefix of its own.</summary>
internal sealed class Cli
{
    public Cli()
    {
        Settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = Azurite.Instance.ConnectionString,
            ["Pipeline:StoragePrefix"] = Prefix,
        };
    }

    public string Prefix { get; } = Azurite.NewPrefix();

    public Dictionary<string, string?> Settings { get; }

    public async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PipelineCommand.RunAsync(args, output, error, Settings);
        return (exit, output.ToString(), error.ToString());
    }

    public static string Sample(string relative) => Path.Combine(RepositoryRoot.Find(), "samples", "submissions", relative);

    /// <summary>Writes a file into the test's own folder (which the test deletes when it ends) and returns its path.</summary>
    public static string TempFile(TempFolder folder, string name, byte[] content)
    {
        var path = folder.File(name);
        File.WriteAllBytes(path, content);
        return path;
    }
}

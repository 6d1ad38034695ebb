namespace Pipeline.Development;

/// <summary>The repository's root, the folder holding Pipeline.sln, found above the working folder or the
/// program.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"Pipeline.sln not found above {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}: run " +
                $"inside the repository.");
    }
}

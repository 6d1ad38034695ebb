namespace Pipeline.Testing;

/// <summary>
/// A temp folder of one test (<see cref="Directory.CreateTempSubdirectory(string)"/> with a prefix that names what it
/// holds), deleted with everything in it when disposed. Whatever the folder was handed to (a pipeline, a host, an
/// Azurite, a CLI run) is disposed or stopped first. A test class owns its folders in fields and disposes them in its
/// own <c>Dispose</c>: xunit then reports a failed deletion together with the test's own failure, so neither hides the
/// other (a <c>using</c> in the test's body would replace the test's failure with the deletion's).
/// </summary>
public sealed class TempFolder : IDisposable
{
    /// <summary>How long a failed deletion waits before its one retry (a process that has just ended releasing its files).</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>Creates a new, empty folder under the system's temp folder, named <paramref name="prefix"/> and random characters.</summary>
    public TempFolder(string prefix) => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>
    /// The full path of <paramref name="name"/> inside the folder (a file or a subfolder, created or not); a
    /// relative path such as <c>feeds/v1/x.json</c> is allowed, one that leads outside the folder is not.
    /// </summary>
    public string File(string name)
    {
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, name));
        if (System.IO.Path.IsPathRooted(name) || !path.StartsWith(Path + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' is not a path inside {Path}.", nameof(name));
        }

        return path;
    }

    /// <summary>
    /// Deletes the folder and everything in it; a folder already gone is fine. A deletion that fails is tried once
    /// more after <see cref="RetryDelay"/>; if it fails again, an <see cref="IOException"/> naming the folder is
    /// thrown (never swallowed: a folder left behind is a failure of the test).
    /// </summary>
    public void Dispose()
    {
        try
        {
            Delete();
        }
        catch (Exception first) when (first is IOException or UnauthorizedAccessException)
        {
            Thread.Sleep(RetryDelay);
            try
            {
                Delete();
            }
            catch (Exception second) when (second is IOException or UnauthorizedAccessException)
            {
                throw new IOException(
                    $"The test's temp folder {Path} could not be deleted, twice {RetryDelay.TotalMilliseconds:0} ms apart: {second.Message}",
                    new AggregateException(first, second));
            }
        }
    }

    private void Delete()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}

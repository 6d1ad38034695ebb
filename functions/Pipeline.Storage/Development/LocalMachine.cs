using System.Net;
using System.Net.Sockets;

namespace Pipeline.Storage.Development;

/// <summary>A free loopback port, for services the demo and the tests start.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The repository's root, the folder holding Pipeline.sln, found above the working folder or the program.</summary>
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

        throw new InvalidOperationException($"Pipeline.sln not found above {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}: run inside the repository.");
    }
}

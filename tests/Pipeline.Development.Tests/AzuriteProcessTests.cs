using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Pipeline.Testing;

namespace Pipeline.Development.Tests;

/// <summary>
/// Issue 15, test hygiene: an Azurite a test starts is gone (process tree and temp folder) once its owner
/// disposes it, and ports come from the system (port 0) so that a port someone else holds is survived.
/// </summary>
public sealed class AzuriteProcessTests
{
    [Fact]
    public void A_started_Azurite_is_gone_with_its_temp_folder_after_its_owner_is_disposed()
    {
        var azurite = AzuriteProcess.StartOnFreePorts(RepositoryRoot.Find());
        var pid = azurite.ProcessId;
        var folder = azurite.WorkingFolder;
        var ports = new[] { azurite.BlobPort, azurite.QueuePort, azurite.TablePort };
        Assert.True(Directory.Exists($"/proc/{pid}"), "Azurite's node process runs");
        Assert.True(Directory.Exists(folder));
        Assert.All(ports, p => Assert.True(AzuriteProcess.Listening(p), $"port {p} listens"));

        azurite.Dispose();

        Assert.False(Directory.Exists($"/proc/{pid}"), $"process {pid} outlived its owner");
        Assert.False(Directory.Exists(folder), $"{folder} was left behind");
        Assert.All(ports, p => Assert.False(AzuriteProcess.Listening(p), $"port {p} still listens"));
    }

    [Fact]
    public void A_port_collision_is_survived_on_free_ports_and_reported_at_once_on_a_fixed_one()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;

        // A fixed port that is taken: a clear failure naming the cause, not a 60-second wait, and no process left.
        var failure = Assert.Throws<InvalidOperationException>(() => AzuriteProcess.Start(RepositoryRoot.Find(), taken, 0, 0));
        Assert.Contains("EADDRINUSE", failure.Message, StringComparison.Ordinal);

        // Free ports, three Azurites at once while the port is held: each gets ports of its own and serves.
        var started = Enumerable.Range(0, 3).AsParallel().Select(_ => AzuriteProcess.StartOnFreePorts(RepositoryRoot.Find())).ToArray();
        try
        {
            var ports = started.SelectMany(a => new[] { a.BlobPort, a.QueuePort, a.TablePort }).ToArray();
            Assert.Equal(9, ports.Distinct().Count());
            Assert.DoesNotContain(taken, ports);
            foreach (var azurite in started)
            {
                var tables = new TableServiceClient(azurite.ConnectionString);
                tables.CreateTableIfNotExists("collision");
                Assert.Equal(["collision"], tables.Query().Select(t => t.Name));
            }
        }
        finally
        {
            foreach (var azurite in started)
            {
                azurite.Dispose();
            }
        }
    }
}

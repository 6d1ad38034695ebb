using System.Net;
using System.Net.Sockets;

namespace Pipeline.Development;

/// <summary>A free loopback port, for services the demo and the tests start.</summary>
public static class LoopbackPort
{
    /// <summary>
    /// A port free on 127.0.0.1 now, other than <paramref name="taken"/>: ports chosen a moment ago for a process not
    /// yet listening, which the system may hand out again once their probe is closed (maildev was once given the same
    /// port for its SMTP server and its inbox, and could not start).
    /// </summary>
    public static int Free(params ReadOnlySpan<int> taken)
    {
        // Each probe stays open until a port is chosen, so a refused one is not offered again.
        var probes = new List<TcpListener>();
        try
        {
            while (true)
            {
                var probe = new TcpListener(IPAddress.Loopback, 0);
                probes.Add(probe);
                probe.Start();
                var port = ((IPEndPoint)probe.LocalEndpoint).Port;
                if (!taken.Contains(port))
                {
                    return port;
                }
            }
        }
        finally
        {
            foreach (var probe in probes)
            {
                probe.Dispose();
            }
        }
    }
}

using System.Net;
using System.Net.Sockets;

namespace Pipeline.Development;

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

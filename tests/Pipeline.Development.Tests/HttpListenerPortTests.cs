using System.Net;
using System.Net.Sockets;
using Pipeline.Testing;

namespace Pipeline.Development.Tests;

/// <summary>
/// How the test fakes that listen with <see cref="HttpListener"/> (FakeCkan) let go of their port. On Linux the
/// listener is .NET's own: closing one already stopped removes its prefix a second time, which binds the port anew and
/// fails once another process holds it (CkanPushTests failed so in CI: "Address already in use" from Dispose). So a
/// fake closes its listener once, without stopping it first.
/// </summary>
public sealed class HttpListenerPortTests
{
    [Fact]
    public void A_listener_closed_after_stop_binds_its_port_again_and_one_closed_alone_does_not()
    {
        var stopped = Started(out var port);
        stopped.Stop();
        using (var taker = Take(port))
        {
            // The trap: Close after Stop tries to listen on the port another process now holds.
            Assert.Throws<HttpListenerException>(stopped.Close);
        }

        var closed = Started(out port);
        closed.Close();
        using var next = Take(port);
        Assert.Equal(port, ((IPEndPoint)next.LocalEndpoint).Port);
    }

    [Fact]
    public void A_disposed_fake_ckan_has_let_go_of_its_port()
    {
        var ckan = new FakeCkan("dataset", "token");
        var port = ckan.BaseUrl.Port;
        ckan.Dispose();

        using var next = Take(port);
        Assert.Equal(port, ((IPEndPoint)next.LocalEndpoint).Port);
    }

    private static HttpListener Listener(int port)
    {
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        return listener;
    }

    private static HttpListener Started(out int port)
    {
        port = LoopbackPort.Free();
        var listener = Listener(port);
        listener.Start();
        return listener;
    }

    private static TcpListener Take(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        return listener;
    }
}

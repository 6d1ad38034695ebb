using System.Net;
using System.Net.Sockets;

namespace Pipeline.Development.Tests;

/// <summary>
/// Free loopback ports for the services the tests and <c>serve</c> start: a port chosen a moment ago is not handed out
/// again while its process has yet to listen (maildev's SMTP server and inbox were once given the same port, and it
/// could not start).
/// </summary>
public sealed class LoopbackPortTests
{
    [Fact]
    public void Ports_chosen_one_after_another_excluding_the_earlier_ones_are_distinct_and_free()
    {
        var chosen = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            chosen.Add(LoopbackPort.Free([.. chosen]));
        }

        Assert.Equal(chosen.Count, chosen.Distinct().Count());
        foreach (var port in chosen)
        {
            Assert.InRange(port, 1, 65535);
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            Assert.Equal(port, ((IPEndPoint)listener.LocalEndpoint).Port);
        }
    }

    [Fact]
    public void Maildev_gets_two_different_ports_when_its_smtp_port_is_given()
    {
        var smtp = LoopbackPort.Free();
        using var maildev = MaildevProcess.Start(RepositoryRoot.Find(), smtp);

        Assert.Equal(smtp, maildev.SmtpPort);
        Assert.NotEqual(maildev.SmtpPort, maildev.WebPort);
        Assert.True(AzuriteProcess.Listening(maildev.WebPort));
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;
using GraphQLArchive.Tests.Archive;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace GraphQLArchive.Tests.Hardening;

/// <summary>
/// Over a real socket (Kestrel, not the in-memory test server), a client that hangs up stops its request: the running
/// statement's token is cancelled long before the 30-second execution timeout could have stopped it.
/// </summary>
public sealed class DisconnectTests : IAsyncLifetime
{
    private readonly TimeoutTests.SlowStatement _slow = new();
    private readonly int _port = FreePort();
    private ArchiveApiFactory _api = null!;

    public Task InitializeAsync()
    {
        _api = new ArchiveApiFactory
        {
            Settings = { [WebHostDefaults.ServerUrlsKey] = $"http://127.0.0.1:{_port}" },
            ExtraServices = services => services.AddSingleton<IInterceptor>(_slow),
        };
        _api.UseKestrel();
        _api.StartServer(); // seeded before the slow statement is armed
        _slow.Armed = true;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_client_that_hangs_up_cancels_its_running_statement()
    {
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(IPAddress.Loopback, _port);
            var body = """{"query":"{ journalists { nodes { name } } }"}""";
            var request = $"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";
            await client.GetStream().WriteAsync(Encoding.UTF8.GetBytes(request));
            await _slow.Started.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the statement runs
        } // the client hangs up

        // Bounded far below the execution timeout (30 s): only the disconnect can have cancelled it by then.
        for (var waited = 0; _slow.Cancelled == 0 && waited < 100; waited++) await Task.Delay(100);
        Assert.Equal(1, _slow.Cancelled);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Stripe.Connect.Client.IntegrationTests.Support;

/// <summary>What the raw server does with one request.</summary>
public enum SocketFault
{
    /// <summary>Read the request, then reset the connection (RST) before any response byte.</summary>
    ResetBeforeHeaders,

    /// <summary>Send the headers (with the full Content-Length) and half of the body, then reset.</summary>
    ResetMidBody,

    /// <summary>Answer 200 with the given JSON and close the connection gracefully.</summary>
    Ok,

    /// <summary>Send the headers (with the full Content-Length) and half of the body, then close gracefully (FIN).</summary>
    CloseMidBody,

    /// <summary>Declare a Content-Length 10 bytes short of the body, send the whole body, close.</summary>
    LongerThanDeclared,

    /// <summary>Declare the body's length, send the body and then more bytes, close.</summary>
    ExtraAfterBody,
}

/// <summary>
/// A minimal HTTP/1.1 server over a raw <see cref="TcpListener"/> on 127.0.0.1, for faults Kestrel will not
/// produce on demand: a TCP reset (linger 0, then close) before the headers or in the middle of the body.
/// Every response closes its connection, so each request arrives on a new connection and the client's handler
/// never retries internally on a reused one.
/// </summary>
internal sealed class ResettingServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private int _requestCount;

    public ResettingServer()
    {
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _acceptLoop = AcceptLoopAsync();
    }

    public Uri Address { get; }

    /// <summary>The fault for the request with the given (0-based) index.</summary>
    public Func<int, SocketFault> Plan { get; set; } = _ => SocketFault.Ok;

    /// <summary>The body of a 200 answer.</summary>
    public string OkJson { get; set; } = "{}";

    /// <summary>The status line of every answer; 200 unless a test wants the error path.</summary>
    public string StatusLine { get; set; } = "200 OK";

    /// <summary>The idempotency key of each request, in arrival order.</summary>
    public ConcurrentQueue<string?> IdempotencyKeys { get; } = new();

    public int RequestCount => Volatile.Read(ref _requestCount);

    public void Reset(Func<int, SocketFault> plan, string okJson, string statusLine = "200 OK")
    {
        IdempotencyKeys.Clear();
        Interlocked.Exchange(ref _requestCount, 0);
        Plan = plan;
        OkJson = okJson;
        StatusLine = statusLine;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            var key = await ReadRequestAsync(socket, timeout.Token);
            IdempotencyKeys.Enqueue(key);
            var index = Interlocked.Increment(ref _requestCount) - 1;
            var body = Encoding.UTF8.GetBytes(OkJson);
            var fault = Plan(index);
            var declared = fault == SocketFault.LongerThanDeclared ? body.Length - 10 : body.Length;
            var headers = Encoding.ASCII.GetBytes(
                "HTTP/1.1 " + StatusLine + "\r\nContent-Type: application/json\r\nRequest-Id: req_socket\r\nConnection: close\r\n"
                + "Content-Length: " + declared.ToString(CultureInfo.InvariantCulture) + "\r\n\r\n");
            switch (fault)
            {
                case SocketFault.CloseMidBody:
                    await socket.SendAsync(headers, SocketFlags.None, timeout.Token);
                    await socket.SendAsync(body.AsMemory(0, body.Length / 2), SocketFlags.None, timeout.Token);
                    socket.Shutdown(SocketShutdown.Both);
                    socket.Close();
                    return;
                case SocketFault.ExtraAfterBody:
                    await socket.SendAsync(headers, SocketFlags.None, timeout.Token);
                    await socket.SendAsync(body, SocketFlags.None, timeout.Token);
                    await socket.SendAsync("{\"object\":\"smuggled\"}"u8.ToArray(), SocketFlags.None, timeout.Token);
                    socket.Shutdown(SocketShutdown.Both);
                    socket.Close();
                    return;
                case SocketFault.ResetBeforeHeaders:
                    Reset(socket);
                    return;
                case SocketFault.ResetMidBody:
                    await socket.SendAsync(headers, SocketFlags.None, timeout.Token);
                    await socket.SendAsync(body.AsMemory(0, body.Length / 2), SocketFlags.None, timeout.Token);
                    Reset(socket);
                    return;
                default:
                    await socket.SendAsync(headers, SocketFlags.None, timeout.Token);
                    await socket.SendAsync(body, SocketFlags.None, timeout.Token);
                    socket.Shutdown(SocketShutdown.Both);
                    socket.Close();
                    return;
            }
        }
        catch (Exception) when (timeout.IsCancellationRequested)
        {
        }
        catch (SocketException)
        {
        }
        finally
        {
            socket.Dispose();
        }
    }

    private static void Reset(Socket socket)
    {
        // Linger on with a zero time-out makes Close send RST instead of FIN.
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    /// <summary>Reads the request head and its Content-Length body; returns the Idempotency-Key header, if any.</summary>
    private static async Task<string?> ReadRequestAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var total = 0;
        var headEnd = -1;
        while (headEnd < 0)
        {
            if (total == buffer.Length)
            {
                throw new InvalidDataException("Request head too large.");
            }

            var read = await socket.ReceiveAsync(buffer.AsMemory(total), SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                throw new InvalidDataException("Connection closed before the request head ended.");
            }

            total += read;
            headEnd = buffer.AsSpan(0, total).IndexOf("\r\n\r\n"u8);
        }

        var head = Encoding.ASCII.GetString(buffer, 0, headEnd);
        string? key = null;
        var contentLength = 0;
        foreach (var line in head.Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Idempotency-Key", StringComparison.OrdinalIgnoreCase))
            {
                key = value;
            }
            else if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                contentLength = int.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        var bodyRead = total - (headEnd + 4);
        while (bodyRead < contentLength)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                break;
            }

            bodyRead += read;
        }

        return key;
    }
}

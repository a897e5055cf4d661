using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Stripe.Connect.Client.Testing.Internal.Hosted;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 and an ephemeral port, for the hosted pages: one request per connection
/// (every answer says <c>Connection: close</c>), a request line and headers of at most 32 KB, a body of at most
/// 1 MB, ten seconds to send them. Enough for a browser filling a form; no ASP.NET Core needed.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private const int MaxHeaderBytes = 32 * 1024;
    private const int MaxBodyBytes = 1024 * 1024;
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);

    private readonly Func<HostedRequest, HostedPageResult> _handler;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _gate = new();
    private readonly HashSet<Task> _connections = [];
    private Task? _acceptLoop;

    public LoopbackHttpServer(Func<HostedRequest, HostedPageResult> handler) => _handler = handler;

    /// <summary>The port the listener got from the system.</summary>
    public int Port { get; private set; }

    public void Start()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = AcceptAsync(_stopping.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        if (_acceptLoop is not null)
        {
            await _acceptLoop.ConfigureAwait(false);
        }

        Task[] open;
        lock (_gate)
        {
            open = [.. _connections];
        }

        await Task.WhenAll(open).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task AcceptAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var connection = ServeAsync(client, stopping);
            lock (_gate)
            {
                _connections.Add(connection);
            }

            _ = connection.ContinueWith(
                t =>
                {
                    lock (_gate)
                    {
                        _connections.Remove(t);
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken stopping)
    {
        using (client)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                timeout.CancelAfter(ReadTimeout);
                var stream = client.GetStream();
                var remote = (client.Client.RemoteEndPoint as IPEndPoint)?.Address.ToString() ?? "127.0.0.1";
                var request = await ReadAsync(stream, remote, timeout.Token).ConfigureAwait(false);
                HostedPageResult result;
                if (request is null)
                {
                    result = HostedPageResult.Page(OnboardingPage.Message("Bad request", "The request could not be read."), 400);
                }
                else
                {
                    try
                    {
                        result = _handler(request);
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        result = HostedPageResult.Page(OnboardingPage.Message("Server error", "The in-memory Connect API failed to serve this page: " + e.Message), 500);
                    }
                }

                await WriteAsync(stream, result, request?.Method == "HEAD", timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The browser went away or was too slow; nothing to answer.
            }
        }
    }

    private static async Task<HostedRequest?> ReadAsync(NetworkStream stream, string remote, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        var received = new MemoryStream();
        var headerEnd = -1;
        while (headerEnd < 0)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0 || received.Length + read > MaxHeaderBytes + MaxBodyBytes)
            {
                return null;
            }

            received.Write(buffer, 0, read);
            headerEnd = IndexOfHeaderEnd(received.GetBuffer(), (int)received.Length);
            if (headerEnd < 0 && received.Length > MaxHeaderBytes)
            {
                return null;
            }
        }

        var all = received.GetBuffer();
        var lines = Encoding.ASCII.GetString(all, 0, headerEnd).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || !requestLine[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            return null;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        var length = headers.TryGetValue("Content-Length", out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        if (length > MaxBodyBytes)
        {
            return null;
        }

        var bodyStart = headerEnd + 4;
        while (received.Length - bodyStart < length)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            received.Write(buffer, 0, read);
        }

        var body = Encoding.UTF8.GetString(received.GetBuffer(), bodyStart, length);
        var target = requestLine[1];
        var query = target.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? target : target[..query];
        return new HostedRequest(requestLine[0].ToUpperInvariant(), path, body, remote, headers.GetValueOrDefault("User-Agent"));
    }

    private static int IndexOfHeaderEnd(byte[] data, int length)
    {
        for (var i = 0; i + 3 < length; i++)
        {
            if (data[i] == '\r' && data[i + 1] == '\n' && data[i + 2] == '\r' && data[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    private static async Task WriteAsync(NetworkStream stream, HostedPageResult result, bool headOnly, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(result.Html ?? string.Empty);
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {result.StatusCode} {Reason(result.StatusCode)}\r\n");
        if (result.Location is { } location)
        {
            // Absolute URLs are sent in their escaped ASCII form; header-breaking characters never reach the wire.
            var absolute = location.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
            var value = absolute && Uri.TryCreate(location, UriKind.Absolute, out var uri) ? uri.AbsoluteUri : location;
            head.Append("Location: ").Append(value.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal)).Append("\r\n");
        }

        if (result.Html is not null)
        {
            head.Append("Content-Type: text/html; charset=utf-8\r\n");
        }

        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
        head.Append("Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken).ConfigureAwait(false);
        if (!headOnly)
        {
            await stream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        }

        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        302 => "Found",
        303 => "See Other",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        422 => "Unprocessable Content",
        _ => "Internal Server Error",
    };
}

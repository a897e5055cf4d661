using System.Buffers;
using System.Globalization;

namespace Stripe.Connect.Client.Http;

/// <summary>
/// Where a success body is copied before it is deserialized: a write-only stream over one pooled buffer.
/// <see cref="HttpContent.CopyToAsync(Stream, CancellationToken)"/> copies into it straight from the connection's own
/// buffer (no read stream and no task of it per call), the <see cref="ConnectAttempt.MaxResponseBytes"/> cap is checked
/// on every write, and the bytes are cleared before the buffer goes back to the pool (bodies hold personal data and
/// client secrets). Instances are reused through <see cref="Rent"/> and <see cref="Return"/>.
/// </summary>
internal sealed class ResponseBodyBuffer : Stream
{
    private const int DefaultInitialSize = 16 * 1024;

    [ThreadStatic]
    private static ResponseBodyBuffer? _cachedBuffer;

    private byte[] _buffer = [];
    private int _length;
    private long _limit;

    private ResponseBodyBuffer()
    {
    }

    /// <summary>The <c>Content-Length</c> the server sent, to check the copy against; <see langword="null"/> when none.</summary>
    public long? Declared { get; private set; }

    /// <summary>The body received so far.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    /// <summary>An empty buffer sized for <paramref name="content"/>'s declared length (when it declares one).</summary>
    /// <param name="content">The response content about to be copied.</param>
    /// <param name="limit">The most bytes accepted; one more fails the copy with <see cref="ResponseTooLargeException"/>.</param>
    /// <returns>A buffer to copy into; give it back with <see cref="Return"/>.</returns>
    public static ResponseBodyBuffer Rent(HttpContent content, long limit)
    {
        var body = _cachedBuffer ?? new ResponseBodyBuffer();
        _cachedBuffer = null;
        var declared = DeclaredLength(content);
        if (declared > limit)
        {
            Return(body);
            throw new ResponseTooLargeException();
        }

        // One spare byte, so a server that sends more than it declared is still caught by the cap.
        body._buffer = ArrayPool<byte>.Shared.Rent(declared is > 0 ? (int)declared.Value + 1 : DefaultInitialSize);
        body._length = 0;
        body._limit = limit;
        body.Declared = declared;
        return body;
    }

    /// <summary>Clears the bytes, returns the array to the pool and keeps the instance for the next call on this thread.</summary>
    /// <param name="body">The buffer from <see cref="Rent"/>.</param>
    public static void Return(ResponseBodyBuffer body)
    {
        var buffer = body._buffer;
        if (buffer.Length > 0)
        {
            buffer.AsSpan(0, body._length).Clear();
            ArrayPool<byte>.Shared.Return(buffer);
        }

        body._buffer = [];
        body._length = 0;
        _cachedBuffer = body;
    }

    /// <summary>
    /// The <c>Content-Length</c> the server sent, read from the raw header: the typed
    /// <see cref="System.Net.Http.Headers.HttpContentHeaders.ContentLength"/> parses it into a boxed value on every response.
    /// </summary>
    /// <param name="content">The response content.</param>
    /// <returns>The declared length, or <see langword="null"/> when there is none (chunked or decompressed bodies).</returns>
    public static long? DeclaredLength(HttpContent content) =>
        StripeResponse.HeaderValue(content.Headers, "Content-Length") is { } value
        && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : null;

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_length + (long)buffer.Length > _limit)
        {
            throw new ResponseTooLargeException();
        }

        if (_length + buffer.Length > _buffer.Length)
        {
            Grow(_length + buffer.Length);
        }

        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void Grow(int needed)
    {
        var size = (int)Math.Min(Math.Max(_buffer.Length * 2L, needed), _limit + 1);
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(size, needed));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        _buffer.AsSpan(0, _length).Clear();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}

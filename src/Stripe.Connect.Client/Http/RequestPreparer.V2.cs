using System.Buffers;
using System.Text.Json;
using Stripe.Connect.Client.Form;
using Stripe.Connect.Client.Json;

namespace Stripe.Connect.Client.Http;

/// <summary>The v2 side of the first room: JSON bodies, indexed queries, and an idempotency key on DELETE too.</summary>
internal sealed partial class RequestPreparer
{
    private const int MaxKeptJsonBuffer = 64 * 1024;

    private static readonly byte[] EmptyJsonObject = "{}"u8.ToArray();

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _jsonBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _jsonWriter;

    /// <summary>Prepares one v2 call.</summary>
    /// <param name="method">GET, POST or DELETE.</param>
    /// <param name="path">The path (ids already escaped), starting with <c>/v2/</c>, possibly with a query (a page URL).</param>
    /// <param name="fixedPath">The same path as a <see cref="ConstantPath"/> when it has no ids (its parsed URL is reused when there is no query), else <see langword="null"/>.</param>
    /// <param name="query">The query of a GET or DELETE, or <see langword="null"/>.</param>
    /// <param name="body">The JSON body of a POST, or <see langword="null"/> for <c>{}</c>.</param>
    /// <param name="options">The caller's per-call options, or <see langword="null"/>.</param>
    /// <returns>The request every attempt of the call sends.</returns>
    /// <exception cref="ArgumentException">A per-call option or a required parameter is unusable; nothing was sent.</exception>
    public PreparedRequest PrepareV2(HttpMethod method, string path, ConstantPath? fixedPath, IFormEncodable? query, IJsonEncodable? body, RequestOptions? options)
    {
        var (authorization, account, context, version) = Headers(options);

        // stripe-node sends a key on every v2 POST and DELETE; it is fixed here, so each attempt carries the same one.
        var idempotencyKey = method == HttpMethod.Post || method == HttpMethod.Delete ? IdempotencyKey(options) : null;
        var bytes = method == HttpMethod.Post ? EncodeJson(body) : null;
        var encoded = Encode(query);
        var queryStart = path.IndexOf('?', StringComparison.Ordinal);
        var uri = encoded is not null ? new Uri(string.Concat(_baseUrl, path, queryStart < 0 ? "?" : "&", encoded), UriKind.Absolute)
            : fixedPath is not null && queryStart < 0 ? fixedPath.ResolveAgainst(_baseUrl)
            : new Uri(_baseUrl + path, UriKind.Absolute);
        return new PreparedRequest
        {
            Method = method,
            Path = queryStart < 0 ? path : path[..queryStart],
            Uri = uri,
            Body = bytes,
            ContentType = "application/json",
            Authorization = authorization,
            ApiVersion = version,
            StripeAccount = account,
            StripeContext = context,
            IdempotencyKey = idempotencyKey,
            UserAgent = _userAgent,
        };
    }

    /// <summary>
    /// A v2 body: the record's generated <c>WriteJson</c> straight to UTF-8 bytes. The buffer and the writer are kept
    /// per thread and reused: a new <see cref="Utf8JsonWriter"/> over a new buffer asked it for 4 KB on every call
    /// (about 5.7 KB per account create, docs/benchmarks.md). The buffer is cleared after each body, which may hold
    /// secrets, and one that grew past 64 KB is dropped.
    /// </summary>
    internal static byte[] EncodeJson(IJsonEncodable? body)
    {
        if (body is null)
        {
            return EmptyJsonObject;
        }

        var buffer = _jsonBuffer ??= new ArrayBufferWriter<byte>(1024);
        var writer = _jsonWriter ??= new Utf8JsonWriter(buffer);
        try
        {
            writer.Reset(buffer);
            body.WriteJson(writer);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            writer.Reset();
            buffer.Clear();
            if (buffer.Capacity > MaxKeptJsonBuffer)
            {
                _jsonBuffer = null;
                _jsonWriter = null;
            }
        }
    }
}

using System.Buffers;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Stripe.Connect.Client.Http;
using SN = global::Stripe;
using V2Core = Stripe.Connect.Client.V2.Core;

namespace Stripe.Connect.Client.Benchmarks;

/// <summary>
/// v2, 2. Encode a v2 account create, as each SDK prepares the request it sends. Stripe.net's services build it with
/// its internal <c>LiveApiRequestor.MakeStripeRequest</c> (URI and headers; the JSON body, as <see cref="StringContent"/>, when its <c>Content</c> is first read, which the benchmark does as sending would),
/// bound once to a compiled delegate in setup so no reflection is timed; this SDK's step is
/// <c>RequestPreparer.PrepareV2</c> (URI, header values, idempotency key, the JSON body as bytes). Floor: the same
/// body written member by member with one reused <see cref="Utf8JsonWriter"/> (no URI or headers: a floor for the
/// body alone).
/// </summary>
[MemoryDiagnoser]
public class V2EncodeAccountCreateBenchmarks
{
    private readonly V2Core.AccountCreateRequest _request = V2Requests.AccountCreate();
    private readonly SN.V2.Core.AccountCreateOptions _options = V2Requests.StripeNetAccountCreate();
    // As the generated service holds it: a path without ids keeps its parsed URL.
    private static readonly ConstantPath AccountsPath = new(V2Requests.Path);
    private readonly ArrayBufferWriter<byte> _floorBuffer = new(512);
    private RequestPreparer _preparer = null!;
    private Func<SN.BaseOptions, SN.StripeRequest> _stripeNetPrepare = null!;
    private Utf8JsonWriter _floorWriter = null!;

    [GlobalSetup]
    public void Setup()
    {
        _preparer = new RequestPreparer(new ConnectClientOptions { ApiKey = Clients.ApiKey });
        _stripeNetPrepare = StripeNetPreparer(new SN.StripeClient(Clients.ApiKey));
        _floorWriter = new Utf8JsonWriter(_floorBuffer);
        var ours = JsonNode.Parse(((PreparedRequest)ConnectSdk()).Body!);
        var theirs = JsonNode.Parse(StripeNet().ReadAsStringAsync().GetAwaiter().GetResult());
        var floor = JsonNode.Parse(Floor());
        if (!JsonNode.DeepEquals(ours, theirs) || !JsonNode.DeepEquals(ours, floor))
        {
            throw new InvalidOperationException("The encoders wrote different bodies:\n  ours:   " + ours!.ToJsonString() + "\n  theirs: " + theirs!.ToJsonString() + "\n  floor:  " + floor!.ToJsonString());
        }
    }

    /// <summary>options => requestor.MakeStripeRequest(BaseAddress.Api, POST, path, options, null, ApiMode.V2), compiled.</summary>
    private static Func<SN.BaseOptions, SN.StripeRequest> StripeNetPreparer(SN.StripeClient client)
    {
        const BindingFlags Any = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
        var requestor = typeof(SN.StripeClient).GetProperty("Requestor", Any)!.GetValue(client)!;
        var make = requestor.GetType().GetMethod("MakeStripeRequest", Any)!;
        var baseAddress = typeof(SN.StripeClient).Assembly.GetType("Stripe.BaseAddress", throwOnError: true)!;
        var options = Expression.Parameter(typeof(SN.BaseOptions), "options");
        var call = Expression.Call(
            Expression.Constant(requestor, requestor.GetType()),
            make,
            Expression.Constant(Enum.Parse(baseAddress, "Api"), baseAddress),
            Expression.Constant(HttpMethod.Post),
            Expression.Constant(V2Requests.Path),
            options,
            Expression.Constant(null, typeof(SN.RequestOptions)),
            Expression.Constant(SN.ApiMode.V2));
        return Expression.Lambda<Func<SN.BaseOptions, SN.StripeRequest>>(call, options).Compile();
    }

    [GlobalCleanup]
    public void Cleanup() => _floorWriter.Dispose();

    // Its body is built when Content is first read (as sending does), so the benchmark reads it.
    [Benchmark(Baseline = true, Description = "Stripe.net")]
    public HttpContent StripeNet() => _stripeNetPrepare(_options).Content;

    [Benchmark(Description = "Stripe.Connect.Client")]
    public object ConnectSdk() => _preparer.PrepareV2(HttpMethod.Post, V2Requests.Path, AccountsPath, null, _request, null);

    [Benchmark(Description = "Floor: Utf8JsonWriter, body only")]
    public byte[] Floor()
    {
        _floorBuffer.ResetWrittenCount();
        _floorWriter.Reset(_floorBuffer);
        V2Requests.WriteFloorBody(_floorWriter);
        _floorWriter.Flush();
        return _floorBuffer.WrittenSpan.ToArray();
    }
}

using System.Text.Json.Serialization.Metadata;
using Stripe.Connect.Client.Json;

namespace Stripe.Connect.Client.V2.Core;

/// <summary>Reads a thin event's related object from its URL, through the client's pipeline (v1 or v2 by the path).</summary>
internal static class RelatedObjectFetcher
{
    public static Task<T> FetchAsync<T>(ConnectClient client, string url, RequestOptions? options, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : StripeEntity
    {
        // Only a path on the API host: a URL elsewhere would send the API key with it.
        var isV1 = url.StartsWith("/v1/", StringComparison.Ordinal);
        if ((!isV1 && !url.StartsWith("/v2/", StringComparison.Ordinal)) || url.Contains("//", StringComparison.Ordinal) || url.Contains('\\', StringComparison.Ordinal) || url.Contains('#', StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The event's related object URL is not an API path (/v1/... or /v2/...); the SDK does not follow it.");
        }

        var pipeline = client.Pipeline;
        var prepared = isV1 && !url.Contains('?', StringComparison.Ordinal)
            ? pipeline.Prepare(HttpMethod.Get, url, fixedPath: null, parameters: null, options)
            : pipeline.PrepareV2(HttpMethod.Get, url, null, null, null, options);
        return pipeline.SendAsync(prepared, ResponseReader<T>.Of(typeInfo), cancellationToken);
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Stripe.Connect.Client.Json;

namespace Stripe.Connect.Client;

/// <summary>The JSON of a call made through <see cref="ConnectClient.RawRequestAsync"/>, with its response metadata.</summary>
[JsonConverter(typeof(StripeRawResponseJsonConverter))]
public sealed record StripeRawResponse : StripeEntity
{
    /// <summary>Wraps a JSON value.</summary>
    /// <param name="json">The response body.</param>
    public StripeRawResponse(JsonElement json) => Json = json.Clone();

    /// <summary>The response body.</summary>
    public JsonElement Json { get; }
}

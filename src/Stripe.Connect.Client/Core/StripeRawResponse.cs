using System.Text.Json;

namespace Stripe.Connect.Client;

/// <summary>The JSON of a call made through <see cref="ConnectClient.RawRequestAsync"/>, with its response metadata.</summary>
public sealed record StripeRawResponse : StripeEntity
{
    /// <summary>Wraps a JSON value.</summary>
    /// <param name="json">The response body.</param>
    public StripeRawResponse(JsonElement json) => Json = json;

    /// <summary>The response body.</summary>
    public JsonElement Json { get; }
}

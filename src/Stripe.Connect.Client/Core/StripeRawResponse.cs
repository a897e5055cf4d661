using System.Text;
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

    /// <summary>
    /// Prints the body's kind and its <c>object</c> and <c>id</c> fields, never the body itself: it may hold a
    /// secret (an account session's <c>client_secret</c>) or personal data, and <c>ToString()</c> ends up in logs.
    /// </summary>
    /// <param name="builder">The builder that receives the members.</param>
    /// <returns>Always <see langword="true"/>.</returns>
    protected override bool PrintMembers(StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Append("Json = ").Append(Json.ValueKind);
        if (Json.ValueKind == JsonValueKind.Object)
        {
            if (Json.TryGetProperty("object", out var obj) && obj.ValueKind == JsonValueKind.String)
            {
                builder.Append(", Object = ").Append(obj.GetString());
            }

            if (Json.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
            {
                builder.Append(", Id = ").Append(id.GetString());
            }
        }

        return true;
    }
}

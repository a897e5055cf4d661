using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stripe.Connect.Client.Json;

/// <summary>Source-generated JSON metadata for the runtime's own types (errors and raw JSON).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StripeErrorEnvelope))]
[JsonSerializable(typeof(OAuthErrorBody))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(StripeRawResponse))]
internal sealed partial class CoreJsonContext : JsonSerializerContext
{
}

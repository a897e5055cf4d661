using System.Text.Json.Serialization;

namespace Stripe.Connect.Client;

/// <summary>Source-generated JSON metadata for the event envelope; the event's object uses <see cref="ConnectJsonContext"/>.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StripeEvent))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext
{
}

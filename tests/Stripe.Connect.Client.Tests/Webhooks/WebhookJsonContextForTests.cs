using System.Text.Json.Serialization;

namespace Stripe.Connect.Client.Tests.Webhooks;

/// <summary>Source-generated metadata for reading and writing webhook types in tests.</summary>
[JsonSerializable(typeof(StripeEventType))]
[JsonSerializable(typeof(StripeEvent))]
internal sealed partial class WebhookJsonContextForTests : JsonSerializerContext
{
}

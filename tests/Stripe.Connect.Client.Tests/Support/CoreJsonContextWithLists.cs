using System.Text.Json.Serialization;

namespace Stripe.Connect.Client.Tests.Support;

/// <summary>Source-generated metadata for a list of generic objects, used by the paging tests.</summary>
[JsonSerializable(typeof(StripeList<StripeObject>))]
internal sealed partial class CoreJsonContextWithLists : JsonSerializerContext
{
}

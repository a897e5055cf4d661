using System.Text.Json.Serialization.Metadata;

namespace Stripe.Connect.Client.V2.Core;

/// <summary>
/// A thin event of a type this SDK version does not know (a newer type, or one outside Connect). Its common fields are
/// read; its related object is fetched as raw JSON.
/// </summary>
public sealed class UnknownEventNotification : EventNotification<StripeObject>
{
    internal UnknownEventNotification()
    {
    }

    private protected override JsonTypeInfo<StripeObject> RelatedObjectTypeInfo => Stripe.Connect.Client.ConnectJsonContext.Default.StripeObject;
}

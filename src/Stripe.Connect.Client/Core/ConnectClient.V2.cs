namespace Stripe.Connect.Client;

/// <summary>The v2 families of the client.</summary>
public partial class ConnectClient
{
    private V2Services? _v2;

    /// <summary>
    /// The v2 API (JSON bodies, <c>Stripe-Context</c>): <c>client.V2.Core.Accounts</c>, <c>.AccountLinks</c>,
    /// <c>.Events</c>, <c>.EventDestinations</c>... The same pipeline, options and conventions as the v1 services.
    /// </summary>
    public virtual V2Services V2 => _v2 ?? ServiceSlot.Keep(ref _v2, new V2Services(this));
}

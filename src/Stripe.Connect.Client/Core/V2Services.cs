using Stripe.Connect.Client.V2.Core;

namespace Stripe.Connect.Client;

/// <summary>The v2 families of the API, reached as <c>client.V2</c>; this SDK covers v2 Core.</summary>
public class V2Services
{
    internal V2Services(ConnectClient client)
    {
        Core = new CoreServices(client);
    }

    /// <summary>For mocking frameworks and test doubles only: <see cref="Core"/> is not set.</summary>
    protected V2Services()
    {
        Core = null!;
    }

    /// <summary>v2 Core: accounts with configurations, persons and their tokens, account tokens, account links, events and event destinations.</summary>
    public virtual CoreServices Core { get; }
}

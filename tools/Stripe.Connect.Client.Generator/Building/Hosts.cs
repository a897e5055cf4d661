namespace Stripe.Connect.Client.Generator.Building;

/// <summary>
/// The hosts an operation's own <c>servers</c> entry may name. The runtime knows two (<c>ApiHost</c>): the API and
/// connect.stripe.com, where the OAuth operations live; any other server is reported and sent to the API host.
/// </summary>
internal static class Hosts
{
    /// <summary>Whether a <c>servers</c> URL is Stripe's Connect host (<c>https://connect.stripe.com/</c>).</summary>
    public static bool IsConnect(string? server) =>
        server is not null && Uri.TryCreate(server, UriKind.Absolute, out var uri) && uri.Host == "connect.stripe.com";
}

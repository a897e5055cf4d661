namespace Stripe.Connect.Client.Http;

/// <summary>
/// Which host a call goes to. Almost every operation goes to the API (<see cref="ConnectClientOptions.BaseAddress"/>);
/// the OAuth operations carry their own <c>servers</c> entry in the spec and go to
/// <see cref="ConnectClientOptions.ConnectBaseAddress"/> (<c>https://connect.stripe.com/</c>).
/// </summary>
internal enum ApiHost
{
    /// <summary>The API host, <c>https://api.stripe.com/</c> by default.</summary>
    Api,

    /// <summary>The Connect host of the OAuth endpoints, <c>https://connect.stripe.com/</c> by default.</summary>
    Connect,
}

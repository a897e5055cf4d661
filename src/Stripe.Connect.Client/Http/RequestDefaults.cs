namespace Stripe.Connect.Client.Http;

/// <summary>The header values a client sends unless a call's <see cref="RequestOptions"/> override them; built once per client.</summary>
/// <param name="Authorization">The <c>Authorization</c> value for the client's key (<c>Bearer sk_...</c>).</param>
/// <param name="ApiVersion">The client's <c>Stripe-Version</c>.</param>
/// <param name="StripeAccount">The client's connected account, if it acts for one by default.</param>
/// <param name="UserAgent">The <c>User-Agent</c> value.</param>
internal sealed record RequestDefaults(string Authorization, string ApiVersion, string? StripeAccount, string UserAgent)
{
    /// <summary>Never prints the key (records print every member by default).</summary>
    /// <returns>A description without secrets.</returns>
    public override string ToString() => $"RequestDefaults {{ ApiVersion = {ApiVersion}, StripeAccount = {StripeAccount}, UserAgent = {UserAgent} }}";
}

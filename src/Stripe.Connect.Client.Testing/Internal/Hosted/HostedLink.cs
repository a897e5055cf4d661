namespace Stripe.Connect.Client.Testing.Internal.Hosted;

/// <summary>
/// One single-use link to the hosted onboarding page, whatever API made it: a v1 account link
/// (<c>POST /v1/account_links</c>) or a v2 account link (<c>POST /v2/core/account_links</c>, use case
/// onboarding or update). The page only reads these fields.
/// </summary>
/// <param name="Token">The random part of the link's URL.</param>
/// <param name="Account">The connected account the page onboards.</param>
/// <param name="Purpose">Onboarding (ask what is due) or update (show everything, prefilled).</param>
/// <param name="CollectEventuallyDue">Ask for the eventually-due fields too (<c>collection_options[fields]=eventually_due</c>).</param>
/// <param name="ReturnUrl">Where the browser goes when it leaves the flow.</param>
/// <param name="RefreshUrl">Where an expired or already used link sends the browser, to mint a new link.</param>
/// <param name="ExpiresAt">Unix time after which the link sends the browser to <paramref name="RefreshUrl"/>.</param>
/// <param name="Origin">The operation that made the link, for messages (<c>v1/account_links</c>).</param>
internal sealed record HostedLink(
    string Token,
    string Account,
    HostedLinkPurpose Purpose,
    bool CollectEventuallyDue,
    string ReturnUrl,
    string RefreshUrl,
    long ExpiresAt,
    string Origin)
{
    /// <summary>True once a browser has opened the link (or <c>TryRedeemAccountLink</c> redeemed it).</summary>
    public bool Used { get; init; }

    /// <summary>
    /// The use case of a v2 account link (<c>account_onboarding</c> or <c>account_update</c>), null for a v1 link: a v2
    /// link's flow ends with the thin event <c>v2.core.account_link.returned</c>, which a v1 link does not send.
    /// </summary>
    public string? V2UseCase { get; init; }
}

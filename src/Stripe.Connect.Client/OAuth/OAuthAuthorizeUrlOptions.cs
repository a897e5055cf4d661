namespace Stripe.Connect.Client;

/// <summary>
/// What the authorize page built by <see cref="OAuthService.AuthorizeUrl(string, OAuthAuthorizeUrlOptions?)"/> asks
/// for, besides the required <c>state</c>. Every member is optional.
/// </summary>
public sealed record OAuthAuthorizeUrlOptions
{
    /// <summary>
    /// <see langword="true"/> for the Express flow (<c>/express/oauth/authorize</c>); <see langword="false"/> (the
    /// default) for Standard accounts (<c>/oauth/authorize</c>).
    /// </summary>
    public bool Express { get; init; }

    /// <summary>The platform's client id (<c>ca_...</c>); <see langword="null"/> takes <see cref="ConnectClientOptions.ClientId"/>.</summary>
    public string? ClientId { get; init; }

    /// <summary>The access asked for: <c>read_write</c> (sent when left <see langword="null"/>) or <c>read_only</c>.</summary>
    public string? Scope { get; init; }

    /// <summary>
    /// Where Stripe sends the user back with <c>code</c> and <c>state</c> (or <c>error</c>) in the query. Must be one of
    /// the redirect URIs registered in the platform's Connect settings; <see langword="null"/> uses the default one.
    /// </summary>
    public Uri? RedirectUri { get; init; }

    /// <summary>Capabilities to ask for on the new account (such as <c>card_payments</c>, <c>transfers</c>); sent as an indexed list.</summary>
    public IReadOnlyList<string>? SuggestedCapabilities { get; init; }

    /// <summary>Details to prefill on the onboarding form (<c>stripe_user[...]</c>).</summary>
    public OAuthStripeUser? StripeUser { get; init; }

    /// <summary>Which page a user without a session sees first: <c>login</c> or <c>register</c>; <see langword="null"/> lets Stripe choose.</summary>
    public string? StripeLanding { get; init; }

    /// <summary><see langword="true"/> to show the account picker even when the user has only one account.</summary>
    public bool? AlwaysPrompt { get; init; }
}

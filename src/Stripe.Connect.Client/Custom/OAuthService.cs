using System.Text;

namespace Stripe.Connect.Client;

/// <summary>The authorize page: not an API call (the user's browser opens it), so it is hand-written beside the generated calls.</summary>
public partial class OAuthService
{
    /// <summary>
    /// Builds the URL of the page on connect.stripe.com where a user connects their account to the platform: the
    /// Standard flow (<c>/oauth/authorize</c>) or, with <see cref="OAuthAuthorizeUrlOptions.Express"/>, the Express flow
    /// (<c>/express/oauth/authorize</c>), on <see cref="ConnectClientOptions.ConnectBaseAddress"/>. It always asks for
    /// <c>response_type=code</c> and, unless the options say otherwise, <c>scope=read_write</c>. Nothing is sent.
    /// </summary>
    /// <param name="state">
    /// An unguessable value tied to the user's session (at least 16 random bytes, for example). Stripe sends it back
    /// with the code; compare it before calling <see cref="CreateTokenAsync"/>, so that no one else's authorization is
    /// accepted (CSRF). Required: a URL without it is refused.
    /// </param>
    /// <param name="options">The client id, scope, redirect URI, suggested capabilities and prefilled details; <see langword="null"/> for the defaults.</param>
    /// <returns>The absolute URL to redirect the user's browser to.</returns>
    /// <exception cref="ArgumentException"><paramref name="state"/> is missing or empty, or no client id is known (neither in <paramref name="options"/> nor in <see cref="ConnectClientOptions.ClientId"/>).</exception>
    public virtual Uri AuthorizeUrl(string state, OAuthAuthorizeUrlOptions? options = null)
    {
        if (string.IsNullOrWhiteSpace(state))
        {
            throw new ArgumentException("OAuth needs a state value tied to the user's session (compare it when the user comes back, against CSRF); the authorize URL is not built without one.", nameof(state));
        }

        var clientId = options?.ClientId ?? Client.Options.ClientId;
        if (string.IsNullOrWhiteSpace(clientId))
        {
            throw new ArgumentException("No OAuth client id: set OAuthAuthorizeUrlOptions.ClientId or ConnectClientOptions.ClientId (ca_..., from the platform's Connect settings).", nameof(options));
        }

        var query = new StringBuilder(256);
        void Add(string key, string? value)
        {
            if (value is null)
            {
                return;
            }

            query.Append(query.Length == 0 ? '?' : '&').Append(key).Append('=').Append(Uri.EscapeDataString(value));
        }

        Add("always_prompt", options?.AlwaysPrompt is { } prompt ? (prompt ? "true" : "false") : null);
        Add("client_id", clientId);
        Add("redirect_uri", options?.RedirectUri?.AbsoluteUri);
        Add("response_type", "code");
        Add("scope", options?.Scope ?? "read_write");
        Add("state", state);
        Add("stripe_landing", options?.StripeLanding);
        if (options?.StripeUser is { } user)
        {
            foreach (var (key, value) in user.Fields())
            {
                Add("stripe_user[" + key + "]", value);
            }
        }

        if (options?.SuggestedCapabilities is { } capabilities)
        {
            for (var i = 0; i < capabilities.Count; i++)
            {
                Add("suggested_capabilities[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", capabilities[i]);
            }
        }

        var path = options?.Express == true ? "express/oauth/authorize" : "oauth/authorize";
        return new Uri(Client.Options.ConnectBaseAddress.AbsoluteUri.TrimEnd('/') + "/" + path + query, UriKind.Absolute);
    }
}

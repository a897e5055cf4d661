namespace Stripe.Connect.Client.Testing.Internal.Hosted;

/// <summary>
/// The page a browser reaches after opening a link: the link is spent on the first visit, the session carries the
/// flow on (reloads, invalid submissions) until the form is submitted.
/// </summary>
/// <param name="Id">The random session id in the page's URL.</param>
/// <param name="Link">The link that opened the session.</param>
internal sealed record HostedSession(string Id, HostedLink Link)
{
    /// <summary>True once the form went through; later visits go to the link's return URL.</summary>
    public bool Completed { get; init; }
}

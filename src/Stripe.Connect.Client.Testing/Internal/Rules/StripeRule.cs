namespace Stripe.Connect.Client.Testing.Internal.Rules;

/// <summary>
/// One refusal the fake makes the way Stripe makes it: the HTTP status, error type and code it answers with, and
/// where the behaviour is documented. Every error the fake sends for a business or format rule comes from one of these.
/// </summary>
/// <param name="Id">A short stable name, listed in the README's rule table.</param>
/// <param name="Summary">What is refused, in one line.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Type">The error <c>type</c> (or the OAuth <c>error</c> value for OAuth rules).</param>
/// <param name="Code">The error <c>code</c>, or null when Stripe sends none.</param>
/// <param name="Source">Where Stripe documents (or shows) the behaviour.</param>
internal sealed record StripeRule(string Id, string Summary, int Status, string Type, string? Code, string Source)
{
    /// <summary>The exception that ends the request with this rule's error.</summary>
    public ApiErrorException Fail(string? param, string message) => new(Status, Type, Code, param, message);
}

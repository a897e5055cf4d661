namespace Stripe.Connect.Client;

/// <summary>
/// Settings for one call. The most common use is <see cref="StripeAccount"/>, which makes the call on behalf
/// of a connected account. Pass it as the <c>options</c> argument of any service method.
/// </summary>
public sealed record RequestOptions
{
    /// <summary>
    /// The connected account to act on (<c>acct_...</c>), sent as the <c>Stripe-Account</c> header. Overrides
    /// <see cref="ConnectClientOptions.StripeAccount"/> for this call.
    /// </summary>
    public string? StripeAccount { get; init; }

    /// <summary>
    /// The context to act in, sent as the <c>Stripe-Context</c> header: a connected account id (<c>acct_...</c>), or a
    /// path of them separated by <c>/</c> for an account under another. v2 calls use it where v1 uses
    /// <see cref="StripeAccount"/>; a thin event's <c>Context</c> is such a value. Setting both on one call is an
    /// <see cref="ArgumentException"/>. Overrides <see cref="ConnectClientOptions.StripeContext"/> (and the client's
    /// <see cref="ConnectClientOptions.StripeAccount"/>) for this call.
    /// </summary>
    public string? StripeContext { get; init; }

    /// <summary>
    /// The idempotency key for a POST (and a v2 DELETE). When left <see langword="null"/>, the SDK generates one for the call and
    /// sends it unchanged on every retry. Supply your own (at most 255 characters) to make a call safe to repeat
    /// across process restarts, for example one derived from your own order or payout id.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>An API key to use for this call instead of <see cref="ConnectClientOptions.ApiKey"/>.</summary>
    public string? ApiKey { get; init; }

    /// <summary>An API version to use for this call instead of <see cref="ConnectClientOptions.ApiVersion"/>.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>Describes the options with the API key masked.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() =>
        $"RequestOptions {{ StripeAccount = {StripeAccount}, StripeContext = {StripeContext}, IdempotencyKey = {IdempotencyKey}, ApiKey = {ApiKeyValidator.Mask(ApiKey)}, ApiVersion = {ApiVersion} }}";
}

namespace Stripe.Connect.Client;

/// <summary>
/// Settings of a <see cref="StripeWebhookVerifier"/>. With dependency injection, bind them from configuration (keys
/// <c>Secrets:0</c>, <c>Secrets:1</c>, <c>Tolerance</c>, <c>ExpectedApiVersion</c>) or set them in
/// <c>AddStripeWebhookVerifier(options =&gt; ...)</c>. Keep secrets in a secret store, not in source.
/// </summary>
public sealed class StripeWebhookOptions
{
    /// <summary>
    /// The endpoint's signing secrets (<c>whsec_...</c>). One is enough; while a secret is being rolled, list the new
    /// and the old one, and remove the old one when it expires. A request is accepted when it is signed with any of them.
    /// </summary>
    public IList<string> Secrets { get; } = [];

    /// <summary>
    /// How far a signature's timestamp may be from the current time, in the past or the future. Default
    /// <see cref="StripeWebhook.DefaultTolerance"/> (300 seconds); <see cref="Timeout.InfiniteTimeSpan"/> turns the
    /// check off, which also turns off the protection against replayed requests.
    /// </summary>
    public TimeSpan Tolerance { get; set; } = StripeWebhook.DefaultTolerance;

    /// <summary>
    /// When set, events rendered with another API version are refused with
    /// <see cref="SignatureVerificationFailure.ApiVersionMismatch"/>. Use <see cref="ConnectClientOptions.DefaultApiVersion"/>
    /// to require the version this SDK's records follow. <see langword="null"/> (the default) accepts any version.
    /// </summary>
    public string? ExpectedApiVersion { get; set; }

    /// <summary>Describes the settings without the secrets (only how many there are).</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() =>
        $"StripeWebhookOptions {{ Secrets = {Secrets.Count} configured, Tolerance = {Tolerance}, ExpectedApiVersion = {ExpectedApiVersion ?? "(any)"} }}";

    /// <summary>Every problem with these settings, each naming the setting; empty when they are usable.</summary>
    /// <returns>The problems found; none of them shows a secret.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Secrets.Count == 0)
        {
            problems.Add("StripeWebhookOptions.Secrets must hold at least one webhook signing secret.");
        }
        else if (Secrets.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("StripeWebhookOptions.Secrets must not hold an empty secret.");
        }

        if (Tolerance <= TimeSpan.Zero && Tolerance != Timeout.InfiniteTimeSpan)
        {
            problems.Add("StripeWebhookOptions.Tolerance must be positive, or Timeout.InfiniteTimeSpan to skip the timestamp check.");
        }

        if (ExpectedApiVersion is not null && string.IsNullOrWhiteSpace(ExpectedApiVersion))
        {
            problems.Add("StripeWebhookOptions.ExpectedApiVersion must be null (any version) or a version such as " + ConnectClientOptions.DefaultApiVersion + ".");
        }

        return problems;
    }
}

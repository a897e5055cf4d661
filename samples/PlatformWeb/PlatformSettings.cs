namespace PlatformWeb;

/// <summary>The app's settings (section <c>Platform</c>, or the environment variables named on each property).</summary>
public sealed class PlatformSettings
{
    /// <summary>
    /// The kind of account sign-up creates: <see cref="AccountKind.V2"/> by default; <see cref="AccountKind.V1Express"/>
    /// or <see cref="AccountKind.V1Custom"/> with <c>--Platform:AccountKind=V1Express</c> (or the environment variable
    /// <c>Platform__AccountKind</c>).
    /// </summary>
    public AccountKind AccountKind { get; set; } = AccountKind.V2;

    /// <summary>
    /// An <c>sk_test_</c> key (<c>STRIPE_SECRET_KEY</c>) switches the app from the in-memory API to Stripe's test mode.
    /// Live keys are refused.
    /// </summary>
    public string? SecretKey { get; set; }

    /// <summary>The publishable key (<c>STRIPE_PUBLISHABLE_KEY</c>) Connect.js needs on the embedded-components page in test mode.</summary>
    public string? PublishableKey { get; set; }

    /// <summary>The signing secret of the endpoint Stripe posts to (<c>STRIPE_WEBHOOK_SECRET</c>, e.g. from <c>stripe listen</c>); offline the app registers its own endpoint.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The signing secret of the event destination that posts thin events to <c>/webhooks/stripe/thin</c> (<c>STRIPE_THIN_WEBHOOK_SECRET</c>); offline the app registers its own destination.</summary>
    public string? ThinWebhookSecret { get; set; }

    /// <summary>Where the app listens; <c>http://127.0.0.1:5080</c> by default, <c>http://127.0.0.1:0</c> for an ephemeral port.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>True when no secret key is set: the app runs against the in-memory Connect API.</summary>
    public bool Offline => string.IsNullOrWhiteSpace(SecretKey);

    /// <summary>A reason the settings cannot work, or <see langword="null"/>; never includes a key.</summary>
    public string? Problem() =>
        !Offline && !SecretKey!.StartsWith("sk_test_", StringComparison.Ordinal)
            ? "STRIPE_SECRET_KEY must be a test-mode secret key (sk_test_...); this sample never runs against live mode."
            : null;
}

using Stripe.Connect.Client;

namespace PlatformWeb;

/// <summary>
/// Verifies and applies the webhook events Stripe posts to <c>/webhooks/stripe</c>: the signature is checked on the raw
/// body with <see cref="StripeWebhookVerifier.ConstructEvent(ReadOnlySpan{byte}, string?)"/>, then an account or capability
/// event updates a v1 seller (v2 sellers are followed through thin events at <c>/webhooks/stripe/thin</c>, see
/// <see cref="ThinEventReceiver"/>). Unknown sellers and event types are acknowledged and ignored, so Stripe stops
/// retrying them.
/// </summary>
/// <remarks>
/// The typed snapshot says which seller changed and how; the status itself is read again from the API. Events can
/// arrive late and out of order (a retried delivery, several events in the same second), so the newest snapshot is not
/// always the last one received; a read is. A failed read answers 500, so Stripe delivers the event again.
/// </remarks>
public sealed class WebhookReceiver
{
    private readonly SellerDirectory _sellers;
    private readonly ISellerOnboarding _onboarding;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookReceiver> _logger;
    private StripeWebhookVerifier? _verifier;

    /// <summary>Creates the receiver; it answers 503 until <see cref="UseSecret"/> is called.</summary>
    public WebhookReceiver(SellerDirectory sellers, ISellerOnboarding onboarding, ApiClock clock, ILogger<WebhookReceiver> logger)
    {
        _sellers = sellers;
        _onboarding = onboarding;
        _time = clock.Time;
        _logger = logger;
    }

    /// <summary>True once a signing secret is set.</summary>
    public bool Configured => Volatile.Read(ref _verifier) is not null;

    /// <summary>Sets the endpoint's signing secret (<c>whsec_...</c>): from configuration, or offline from the endpoint the app registers.</summary>
    public void UseSecret(string secret)
    {
        var options = new StripeWebhookOptions { ExpectedApiVersion = ConnectClientOptions.DefaultApiVersion };
        options.Secrets.Add(secret);
        Volatile.Write(ref _verifier, new StripeWebhookVerifier(options, _time));
    }

    /// <summary>Handles one POST: 400 for a bad signature or body, 503 without a secret, 200 otherwise.</summary>
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var verifier = Volatile.Read(ref _verifier);
        if (verifier is null)
        {
            return Results.Problem("The webhook signing secret is not configured (STRIPE_WEBHOOK_SECRET).", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        // The raw bytes exactly as received: re-serialized JSON would not match the signature.
        var body = await RawBody.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        StripeEvent stripeEvent;
        try
        {
            stripeEvent = verifier.ConstructEvent(body, request.Headers["Stripe-Signature"].ToString());
        }
        catch (SignatureVerificationException e)
        {
            var reason = e.Reason;
            _logger.LogWarning("Webhook refused: {Reason}", reason);
            return Results.BadRequest();
        }

        try
        {
            await ApplyAsync(stripeEvent, cancellationToken);
        }
        catch (StripeException e)
        {
            var (id, error) = (stripeEvent.Id, e.GetType().Name);
            _logger.LogWarning("Webhook {EventId}: reading the account failed ({Error}); answering 500 so Stripe retries.", id, error);
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }

        return Results.Ok();
    }

    private async Task ApplyAsync(StripeEvent stripeEvent, CancellationToken cancellationToken)
    {
        var (id, type) = (stripeEvent.Id, stripeEvent.Type.Value);
        var seller = _sellers.Find(stripeEvent.Account);
        if (seller is null)
        {
            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.LogInformation("Webhook {EventId} ({Type}) is not about one of our sellers; acknowledged.", id, type);
            }

            return;
        }

        seller.RecordEvent(type);
        if (seller.Kind == AccountKind.V2)
        {
            // A v2 seller's account changes are followed through thin events (ThinEventReceiver), which say which
            // section changed; the snapshot events about the same account are recorded and otherwise left alone.
            return;
        }

        switch (stripeEvent.Data.Object)
        {
            case Account account when account.Id == seller.AccountId:
            case Capability:
                seller.Update(await _onboarding.ReadStatusAsync(seller.AccountId, "webhook " + type, cancellationToken));
                break;
            default:
                // Other events (payouts, external accounts, ...) are recorded above and otherwise ignored here.
                break;
        }
    }
}

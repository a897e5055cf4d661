using Stripe.Connect.Client;
using Stripe.Connect.Client.V2.Core;

namespace PlatformWeb;

/// <summary>
/// Verifies the thin events (v2 event notifications) Stripe posts to <c>/webhooks/stripe/thin</c> and hands them to the
/// library's <see cref="EventNotificationDispatcher"/>. A thin event names what changed but carries no snapshot, so
/// the handlers registered by <see cref="ConfigureDispatcher"/> read the account again and store that as the seller's
/// status, with the event as its source.
/// </summary>
/// <remarks>
/// Answers 400 for a bad signature, 503 without a secret, 500 when reading the account fails (so Stripe delivers the
/// event again) and 200 otherwise, also for events about accounts that are not this platform's sellers.
/// </remarks>
public sealed class ThinEventReceiver
{
    /// <summary>The v2 account events the app follows: the ones its event destination is enabled for.</summary>
    public static readonly IReadOnlyList<string> AccountEvents =
    [
        V2CoreAccountUpdatedEventNotification.EventType,
        V2CoreAccountClosedEventNotification.EventType,
        V2CoreAccountIncludingRequirementsUpdatedEventNotification.EventType,
        V2CoreAccountIncludingIdentityUpdatedEventNotification.EventType,
        V2CoreAccountIncludingConfigurationMerchantUpdatedEventNotification.EventType,
        V2CoreAccountIncludingConfigurationRecipientUpdatedEventNotification.EventType,
        V2CoreAccountIncludingConfigurationMerchantCapabilityStatusUpdatedEventNotification.EventType,
        V2CoreAccountIncludingConfigurationRecipientCapabilityStatusUpdatedEventNotification.EventType,
    ];

    private readonly EventNotificationDispatcher _dispatcher;
    private readonly TimeProvider _time;
    private readonly ILogger<ThinEventReceiver> _logger;
    private string[]? _secrets;

    /// <summary>Creates the receiver; it answers 503 until <see cref="UseSecret"/> is called.</summary>
    public ThinEventReceiver(EventNotificationDispatcher dispatcher, ApiClock clock, ILogger<ThinEventReceiver> logger)
    {
        _dispatcher = dispatcher;
        _time = clock.Time;
        _logger = logger;
    }

    /// <summary>Sets the event destination's signing secret: from configuration, or offline from the destination the app registers.</summary>
    public void UseSecret(string secret) => Volatile.Write(ref _secrets, [secret]);

    /// <summary>
    /// Registers the handlers on the dispatcher: every event in <see cref="AccountEvents"/> re-reads the seller's
    /// account; anything else is recorded for a known seller and acknowledged.
    /// </summary>
    public static void ConfigureDispatcher(IServiceProvider services, EventNotificationDispatcher dispatcher)
    {
        var sellers = services.GetRequiredService<SellerDirectory>();
        var onboarding = services.GetRequiredService<ISellerOnboarding>();
        foreach (var type in AccountEvents)
        {
            dispatcher.On(type, async (notification, ct) =>
            {
                if (SellerOf(sellers, notification) is { } seller)
                {
                    seller.RecordEvent(notification.Type);
                    seller.Update(await onboarding.ReadStatusAsync(seller.AccountId, "thin event " + notification.Type, ct));
                }
            });
        }

        dispatcher.OnUnhandled((notification, _) =>
        {
            SellerOf(sellers, notification)?.RecordEvent(notification.Type);
            return Task.CompletedTask;
        });
    }

    /// <summary>Handles one POST.</summary>
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var secrets = Volatile.Read(ref _secrets);
        if (secrets is null)
        {
            return Results.Problem("The thin-event signing secret is not configured (STRIPE_THIN_WEBHOOK_SECRET).", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var body = await RawBody.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        EventNotification notification;
        try
        {
            // Checked on the API's clock, like the v1 endpoint: offline that is the in-memory API's (a test's fake) clock.
            notification = StripeWebhook.ParseEventNotification(body, request.Headers["Stripe-Signature"].ToString(), secrets, timeProvider: _time);
        }
        catch (SignatureVerificationException e)
        {
            var reason = e.Reason;
            _logger.LogWarning("Thin event refused: {Reason}", reason);
            return Results.BadRequest();
        }

        try
        {
            await _dispatcher.DispatchAsync(notification, cancellationToken);
        }
        catch (StripeException e)
        {
            var (id, error) = (notification.Id, e.GetType().Name);
            _logger.LogWarning("Thin event {EventId}: reading the account failed ({Error}); answering 500 so Stripe retries.", id, error);
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }

        return Results.Ok();
    }

    // A v2 account event's related object is the account; other events name the account they happened on as context.
    private static Seller? SellerOf(SellerDirectory sellers, EventNotification notification) =>
        notification.RelatedObject is { Type: "v2.core.account", Id: { } id } ? sellers.Find(id) : sellers.Find(notification.Context);
}

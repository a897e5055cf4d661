namespace Stripe.Connect.Client.Testing;

/// <summary>What happened to one delivery attempt, as the dashboard's delivery log shows it.</summary>
/// <param name="EndpointId">The <c>we_</c> id of the endpoint.</param>
/// <param name="Url">Where it was sent.</param>
/// <param name="EventId">The <c>evt_</c> id of the event.</param>
/// <param name="EventType">The event type.</param>
/// <param name="Attempt">1 for the first attempt, then 2, 3, ... for retries.</param>
/// <param name="At">When it was sent, on the API's clock.</param>
/// <param name="StatusCode">The status the endpoint answered, or null when no answer came (refused, unreachable, threw).</param>
/// <param name="Error">Why no answer came, when <paramref name="StatusCode"/> is null.</param>
/// <param name="NextRetryAt">When the next attempt is due, or null when there is none (delivered, or retries used up).</param>
public sealed record WebhookDeliveryAttempt(
    string EndpointId,
    string Url,
    string EventId,
    string EventType,
    int Attempt,
    DateTimeOffset At,
    int? StatusCode,
    string? Error,
    DateTimeOffset? NextRetryAt)
{
    /// <summary>True when the endpoint answered with a 2xx status.</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

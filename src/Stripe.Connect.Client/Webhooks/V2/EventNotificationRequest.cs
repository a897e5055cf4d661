namespace Stripe.Connect.Client.V2.Core;

/// <summary>The API request behind a thin event.</summary>
public sealed record EventNotificationRequest
{
    /// <summary>The request's id (<c>req_...</c>), as in the <c>Request-Id</c> header of its response.</summary>
    public string? Id { get; init; }

    /// <summary>The idempotency key the request was sent with, so you can tie the event to your own call.</summary>
    public string? IdempotencyKey { get; init; }
}

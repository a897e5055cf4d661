namespace Stripe.Connect.Client.V2.Core;

/// <summary>What caused a thin event.</summary>
public sealed record EventNotificationReason
{
    /// <summary>The kind of cause, such as <c>request</c>.</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>The API request that caused the event, when <see cref="Type"/> is <c>request</c>.</summary>
    public EventNotificationRequest? Request { get; init; }
}

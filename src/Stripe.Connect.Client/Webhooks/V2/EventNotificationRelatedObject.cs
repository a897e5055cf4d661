namespace Stripe.Connect.Client.V2.Core;

/// <summary>The object a thin event points at.</summary>
public sealed record EventNotificationRelatedObject
{
    /// <summary>The object's id; <see langword="null"/> for objects without one (such as the balance).</summary>
    public string? Id { get; init; }

    /// <summary>The object's type, such as <c>v2.core.account</c> or <c>payout</c>.</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>The API path that reads the object, such as <c>/v2/core/accounts/acct_...</c>.</summary>
    public string? Url { get; init; }
}

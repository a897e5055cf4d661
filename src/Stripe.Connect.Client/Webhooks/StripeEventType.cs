using System.Text.Json.Serialization;
using Stripe.Connect.Client.Json;

namespace Stripe.Connect.Client;

/// <summary>
/// The kind of an event, such as <c>account.updated</c>. The Connect event types are known values; any other type
/// Stripe sends (a type outside Connect or one added after this SDK version) is kept as its string, so compare with
/// the static values or read <see cref="Value"/>.
/// </summary>
[JsonConverter(typeof(StripeEnumJsonConverter<StripeEventType>))]
public readonly struct StripeEventType : IStripeEnum<StripeEventType>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire string; prefer the static known values.</summary>
    /// <param name="value">The wire string, such as <c>account.updated</c>.</param>
    public StripeEventType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Wire value <c>account.updated</c>: an account's settings, requirements or capabilities changed.</summary>
    public static StripeEventType AccountUpdated { get; } = new("account.updated");

    /// <summary>Wire value <c>account.application.authorized</c>: a user connected their account to your platform.</summary>
    public static StripeEventType AccountApplicationAuthorized { get; } = new("account.application.authorized");

    /// <summary>Wire value <c>account.application.deauthorized</c>: a user disconnected their account from your platform.</summary>
    public static StripeEventType AccountApplicationDeauthorized { get; } = new("account.application.deauthorized");

    /// <summary>Wire value <c>account.external_account.created</c>: a bank account or card was added to a connected account for payouts.</summary>
    public static StripeEventType AccountExternalAccountCreated { get; } = new("account.external_account.created");

    /// <summary>Wire value <c>account.external_account.updated</c>: a connected account's bank account or card changed.</summary>
    public static StripeEventType AccountExternalAccountUpdated { get; } = new("account.external_account.updated");

    /// <summary>Wire value <c>account.external_account.deleted</c>: a bank account or card was removed from a connected account.</summary>
    public static StripeEventType AccountExternalAccountDeleted { get; } = new("account.external_account.deleted");

    /// <summary>Wire value <c>capability.updated</c>: a capability of a connected account changed status or requirements.</summary>
    public static StripeEventType CapabilityUpdated { get; } = new("capability.updated");

    /// <summary>Wire value <c>person.created</c>: a person was added to a connected account.</summary>
    public static StripeEventType PersonCreated { get; } = new("person.created");

    /// <summary>Wire value <c>person.updated</c>: a person of a connected account changed.</summary>
    public static StripeEventType PersonUpdated { get; } = new("person.updated");

    /// <summary>Wire value <c>person.deleted</c>: a person was removed from a connected account.</summary>
    public static StripeEventType PersonDeleted { get; } = new("person.deleted");

    /// <summary>Wire value <c>application_fee.created</c>: your platform collected an application fee on a charge.</summary>
    public static StripeEventType ApplicationFeeCreated { get; } = new("application_fee.created");

    /// <summary>Wire value <c>application_fee.refunded</c>: an application fee was refunded, in whole or in part.</summary>
    public static StripeEventType ApplicationFeeRefunded { get; } = new("application_fee.refunded");

    /// <summary>Wire value <c>application_fee.refund.updated</c>: a refund of an application fee changed.</summary>
    public static StripeEventType ApplicationFeeRefundUpdated { get; } = new("application_fee.refund.updated");

    /// <summary>Wire value <c>topup.created</c>: a top-up was created.</summary>
    public static StripeEventType TopupCreated { get; } = new("topup.created");

    /// <summary>Wire value <c>topup.succeeded</c>: a top-up's funds arrived in the balance.</summary>
    public static StripeEventType TopupSucceeded { get; } = new("topup.succeeded");

    /// <summary>Wire value <c>topup.failed</c>: a top-up failed.</summary>
    public static StripeEventType TopupFailed { get; } = new("topup.failed");

    /// <summary>Wire value <c>topup.canceled</c>: a top-up was canceled.</summary>
    public static StripeEventType TopupCanceled { get; } = new("topup.canceled");

    /// <summary>Wire value <c>topup.reversed</c>: a top-up was reversed.</summary>
    public static StripeEventType TopupReversed { get; } = new("topup.reversed");

    /// <summary>Wire value <c>transfer.created</c>: a transfer to a connected account was created.</summary>
    public static StripeEventType TransferCreated { get; } = new("transfer.created");

    /// <summary>Wire value <c>transfer.updated</c>: a transfer's description or metadata changed.</summary>
    public static StripeEventType TransferUpdated { get; } = new("transfer.updated");

    /// <summary>Wire value <c>transfer.reversed</c>: a transfer was reversed, in whole or in part.</summary>
    public static StripeEventType TransferReversed { get; } = new("transfer.reversed");

    /// <summary>The wire string, such as <c>account.updated</c>; empty for a default value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary><see langword="true"/> when this SDK version lists the type among its known values.</summary>
    public bool IsKnown => TryFromKnown(Value, out _);

    /// <inheritdoc />
    public static StripeEventType FromWire(string value) => TryFromKnown(value, out var known) ? known : new StripeEventType(value);

    /// <inheritdoc />
    public static bool TryFromKnownUtf8(ReadOnlySpan<byte> utf8, out StripeEventType value)
    {
        if (utf8.SequenceEqual("account.updated"u8))
        {
            value = AccountUpdated;
            return true;
        }

        if (utf8.SequenceEqual("account.application.authorized"u8))
        {
            value = AccountApplicationAuthorized;
            return true;
        }

        if (utf8.SequenceEqual("account.application.deauthorized"u8))
        {
            value = AccountApplicationDeauthorized;
            return true;
        }

        if (utf8.SequenceEqual("account.external_account.created"u8))
        {
            value = AccountExternalAccountCreated;
            return true;
        }

        if (utf8.SequenceEqual("account.external_account.updated"u8))
        {
            value = AccountExternalAccountUpdated;
            return true;
        }

        if (utf8.SequenceEqual("account.external_account.deleted"u8))
        {
            value = AccountExternalAccountDeleted;
            return true;
        }

        if (utf8.SequenceEqual("capability.updated"u8))
        {
            value = CapabilityUpdated;
            return true;
        }

        if (utf8.SequenceEqual("person.created"u8))
        {
            value = PersonCreated;
            return true;
        }

        if (utf8.SequenceEqual("person.updated"u8))
        {
            value = PersonUpdated;
            return true;
        }

        if (utf8.SequenceEqual("person.deleted"u8))
        {
            value = PersonDeleted;
            return true;
        }

        if (utf8.SequenceEqual("application_fee.created"u8))
        {
            value = ApplicationFeeCreated;
            return true;
        }

        if (utf8.SequenceEqual("application_fee.refunded"u8))
        {
            value = ApplicationFeeRefunded;
            return true;
        }

        if (utf8.SequenceEqual("application_fee.refund.updated"u8))
        {
            value = ApplicationFeeRefundUpdated;
            return true;
        }

        if (utf8.SequenceEqual("topup.created"u8))
        {
            value = TopupCreated;
            return true;
        }

        if (utf8.SequenceEqual("topup.succeeded"u8))
        {
            value = TopupSucceeded;
            return true;
        }

        if (utf8.SequenceEqual("topup.failed"u8))
        {
            value = TopupFailed;
            return true;
        }

        if (utf8.SequenceEqual("topup.canceled"u8))
        {
            value = TopupCanceled;
            return true;
        }

        if (utf8.SequenceEqual("topup.reversed"u8))
        {
            value = TopupReversed;
            return true;
        }

        if (utf8.SequenceEqual("transfer.created"u8))
        {
            value = TransferCreated;
            return true;
        }

        if (utf8.SequenceEqual("transfer.updated"u8))
        {
            value = TransferUpdated;
            return true;
        }

        if (utf8.SequenceEqual("transfer.reversed"u8))
        {
            value = TransferReversed;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator StripeEventType(string value) => FromWire(value);

    /// <summary>Compares two values by their wire strings.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(StripeEventType left, StripeEventType right) => left.Equals(right);

    /// <summary>Compares two values by their wire strings.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(StripeEventType left, StripeEventType right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(StripeEventType other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is StripeEventType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;

    private static bool TryFromKnown(string value, out StripeEventType known)
    {
        known = value switch
        {
            "account.updated" => AccountUpdated,
            "account.application.authorized" => AccountApplicationAuthorized,
            "account.application.deauthorized" => AccountApplicationDeauthorized,
            "account.external_account.created" => AccountExternalAccountCreated,
            "account.external_account.updated" => AccountExternalAccountUpdated,
            "account.external_account.deleted" => AccountExternalAccountDeleted,
            "capability.updated" => CapabilityUpdated,
            "person.created" => PersonCreated,
            "person.updated" => PersonUpdated,
            "person.deleted" => PersonDeleted,
            "application_fee.created" => ApplicationFeeCreated,
            "application_fee.refunded" => ApplicationFeeRefunded,
            "application_fee.refund.updated" => ApplicationFeeRefundUpdated,
            "topup.created" => TopupCreated,
            "topup.succeeded" => TopupSucceeded,
            "topup.failed" => TopupFailed,
            "topup.canceled" => TopupCanceled,
            "topup.reversed" => TopupReversed,
            "transfer.created" => TransferCreated,
            "transfer.updated" => TransferUpdated,
            "transfer.reversed" => TransferReversed,
            _ => default,
        };
        return known._value is not null;
    }
}

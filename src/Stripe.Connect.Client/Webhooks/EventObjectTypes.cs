using System.Text.Json.Serialization.Metadata;

namespace Stripe.Connect.Client;

/// <summary>
/// Maps the <c>object</c> name of an event's <c>data.object</c> to the source-generated metadata of this SDK's record
/// for it. A type that is not listed is read as a <see cref="StripeObject"/>.
/// </summary>
internal static class EventObjectTypes
{
    /// <summary>Returns the metadata for an object type, or <see langword="null"/> when the SDK has no record for it.</summary>
    /// <param name="objectType">The value of the object's <c>object</c> field, such as <c>bank_account</c>.</param>
    /// <param name="deleted"><see langword="true"/> when the object carries <c>"deleted": true</c>.</param>
    /// <returns>The metadata to read the object with.</returns>
    public static JsonTypeInfo? Find(string objectType, bool deleted)
    {
        var context = ConnectJsonContext.Default;
        if (deleted)
        {
            // A deleted object is only an id, the object name and "deleted": true; read it into the deleted record
            // when the API has one. Types without a deleted record fall back to StripeObject (not the full record,
            // whose other fields are absent).
            return objectType switch
            {
                "account" => context.DeletedAccount,
                "person" => context.DeletedPerson,
                "bank_account" => context.DeletedBankAccount,
                "card" => context.DeletedCard,
                _ => null,
            };
        }

        return objectType switch
        {
            "account" => context.Account,
            "capability" => context.Capability,
            "person" => context.Person,
            "bank_account" => context.BankAccount,
            "card" => context.Card,
            "application_fee" => context.ApplicationFee,
            "fee_refund" => context.ApplicationFeeRefund,
            "topup" => context.Topup,
            "transfer" => context.Transfer,
            "transfer_reversal" => context.TransferReversal,
            "account_session" => context.AccountSession,
            "account_link" => context.AccountLink,
            "login_link" => context.LoginLink,
            "country_spec" => context.CountrySpec,
            "apps.secret" => context.Secret,
            _ => null,
        };
    }
}

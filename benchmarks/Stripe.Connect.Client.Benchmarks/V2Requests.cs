using SN = global::Stripe;
using V2Core = Stripe.Connect.Client.V2.Core;

namespace Stripe.Connect.Client.Benchmarks;

/// <summary>
/// One v2 account create, written three ways: this SDK's request record, Stripe.net's options and the floor's
/// hand-written JSON. Merchant and recipient configurations with a capability each, contact, dashboard, identity,
/// includes and metadata: what a platform sends to open a seller's account.
/// </summary>
internal static class V2Requests
{
    public const string Path = "/v2/core/accounts";

    public static V2Core.AccountCreateRequest AccountCreate() => new()
    {
        Configuration = new()
        {
            Merchant = new() { Capabilities = new() { CardPayments = new() { Requested = true } }, Mcc = "5734" },
            Recipient = new() { Capabilities = new() { StripeBalance = new() { StripeTransfers = new() { Requested = true } } } },
        },
        ContactEmail = "jenny.rosen@example.com",
        DisplayName = "Rosen Books",
        Dashboard = V2Core.AccountDashboard.Express,
        Identity = new() { Country = "US", EntityType = V2Core.AccountIdentityEntityType.Company },
        Include = [V2Core.AccountInclude.ConfigurationMerchant, V2Core.AccountInclude.ConfigurationRecipient, V2Core.AccountInclude.Requirements],
        Metadata = new Dictionary<string, string?> { ["order_id"] = "6735", ["channel"] = "web" },
    };

    public static SN.V2.Core.AccountCreateOptions StripeNetAccountCreate() => new()
    {
        Configuration = new SN.V2.Core.AccountCreateConfigurationOptions
        {
            Merchant = new SN.V2.Core.AccountCreateConfigurationMerchantOptions
            {
                Capabilities = new SN.V2.Core.AccountCreateConfigurationMerchantCapabilitiesOptions
                {
                    CardPayments = new SN.V2.Core.AccountCreateConfigurationMerchantCapabilitiesCardPaymentsOptions { Requested = true },
                },
                Mcc = "5734",
            },
            Recipient = new SN.V2.Core.AccountCreateConfigurationRecipientOptions
            {
                Capabilities = new SN.V2.Core.AccountCreateConfigurationRecipientCapabilitiesOptions
                {
                    StripeBalance = new SN.V2.Core.AccountCreateConfigurationRecipientCapabilitiesStripeBalanceOptions
                    {
                        StripeTransfers = new SN.V2.Core.AccountCreateConfigurationRecipientCapabilitiesStripeBalanceStripeTransfersOptions { Requested = true },
                    },
                },
            },
        },
        ContactEmail = "jenny.rosen@example.com",
        DisplayName = "Rosen Books",
        Dashboard = "express",
        Identity = new SN.V2.Core.AccountCreateIdentityOptions { Country = "US", EntityType = "company" },
        Include = ["configuration.merchant", "configuration.recipient", "requirements"],
        Metadata = new Dictionary<string, string> { ["order_id"] = "6735", ["channel"] = "web" },
    };

    /// <summary>The floor's body: the same JSON, member by member, with one <see cref="System.Text.Json.Utf8JsonWriter"/>.</summary>
    public static void WriteFloorBody(System.Text.Json.Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("configuration");
        writer.WriteStartObject("merchant");
        writer.WriteStartObject("capabilities");
        writer.WriteStartObject("card_payments");
        writer.WriteBoolean("requested", true);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteString("mcc", "5734");
        writer.WriteEndObject();
        writer.WriteStartObject("recipient");
        writer.WriteStartObject("capabilities");
        writer.WriteStartObject("stripe_balance");
        writer.WriteStartObject("stripe_transfers");
        writer.WriteBoolean("requested", true);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteString("contact_email", "jenny.rosen@example.com");
        writer.WriteString("dashboard", "express");
        writer.WriteString("display_name", "Rosen Books");
        writer.WriteStartObject("identity");
        writer.WriteString("country", "US");
        writer.WriteString("entity_type", "company");
        writer.WriteEndObject();
        writer.WriteStartArray("include");
        writer.WriteStringValue("configuration.merchant");
        writer.WriteStringValue("configuration.recipient");
        writer.WriteStringValue("requirements");
        writer.WriteEndArray();
        writer.WriteStartObject("metadata");
        writer.WriteString("order_id", "6735");
        writer.WriteString("channel", "web");
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}

using System.Reflection;
using BenchmarkDotNet.Attributes;
using Stripe.Connect.Client.Form;
using SN = global::Stripe;

namespace Stripe.Connect.Client.Benchmarks;

/// <summary>
/// 2. Encode an account-creation request (business profile, company, capabilities, metadata, settings) into the
/// form body. This SDK: the POST path of the pipeline (<see cref="FormWriter"/> in pooled buffers, then the body
/// bytes). Stripe.net: its internal <c>FormEncoder.CreateQueryString</c> on the equivalent options, bound once to a
/// delegate so no reflection is measured. The setup checks that both produce the same set of fields.
/// </summary>
[MemoryDiagnoser]
public class FormEncodeBenchmarks
{
    private readonly AccountCreateRequest _request = Requests.AccountCreate();
    private readonly SN.AccountCreateOptions _options = Requests.StripeNetAccountCreate();
    private Func<SN.BaseOptions, string> _stripeNetEncoder = null!;

    [GlobalSetup]
    public void Setup()
    {
        var encoder = typeof(SN.StripeClient).Assembly.GetType("Stripe.Infrastructure.FormEncoding.FormEncoder", throwOnError: true)!;
        var method = encoder.GetMethod("CreateQueryString", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic, [typeof(SN.BaseOptions)])!;
        _stripeNetEncoder = method.CreateDelegate<Func<SN.BaseOptions, string>>();

        // Stripe.net writes a space as '+' and booleans as True/False; the API reads both spellings the same.
        var ours = Fields(System.Text.Encoding.ASCII.GetString(ConnectSdk()));
        var theirs = Fields(StripeNet().Replace('+', ' ').Replace("=True", "=true", StringComparison.Ordinal));
        if (!ours.SequenceEqual(theirs))
        {
            throw new InvalidOperationException(
                "The two encoders wrote different fields:\n  ours:   " + string.Join("&", ours) + "\n  theirs: " + string.Join("&", theirs));
        }
    }

    [Benchmark(Baseline = true, Description = "Stripe.net")]
    public string StripeNet() => _stripeNetEncoder(_options);

    [Benchmark(Description = "Stripe.Connect.Client")]
    public byte[] ConnectSdk()
    {
        using var writer = new FormWriter();
        ((IFormEncodable)_request).WriteForm(writer);
        return writer.ToUtf8Bytes();
    }

    private static string[] Fields(string encoded)
    {
        var fields = encoded.Split('&').Select(Uri.UnescapeDataString).ToArray();
        Array.Sort(fields, StringComparer.Ordinal);
        return fields;
    }
}

/// <summary>Equivalent request objects for both SDKs.</summary>
internal static class Requests
{
    public static AccountCreateRequest AccountCreate() => new()
    {
        Controller = AccountControllerInput.Custom,
        Country = "US",
        Email = "jenny.rosen@example.com",
        BusinessType = AccountBusinessType.Company,
        BusinessProfile = new AccountBusinessProfileInput
        {
            Mcc = "5734",
            Name = "Rosen Books & Co.",
            ProductDescription = "Second-hand books, shipped worldwide",
            SupportEmail = "support@rosen.example",
            SupportPhone = "+15555550100",
            Url = "https://rosen.example",
            SupportAddress = new AddressInput
            {
                Line1 = "510 Townsend St",
                City = "San Francisco",
                State = "CA",
                PostalCode = "94103",
                Country = "US",
            },
        },
        Company = new AccountCompanyInput
        {
            Name = "Rosen Books LLC",
            Phone = "+15555550101",
            TaxId = "000000000",
            DirectorsProvided = true,
            OwnersProvided = true,
            Address = new AddressInput
            {
                Line1 = "510 Townsend St",
                Line2 = "Suite 200",
                City = "San Francisco",
                State = "CA",
                PostalCode = "94103",
                Country = "US",
            },
        },
        Capabilities = new AccountCapabilitiesInput
        {
            CardPayments = new CapabilityInput { Requested = true },
            Transfers = new CapabilityInput { Requested = true },
            UsBankAccountAchPayments = new CapabilityInput { Requested = true },
        },
        Metadata = new Dictionary<string, string>
        {
            ["order_id"] = "6735",
            ["platform_user"] = "user_42",
            ["tier"] = "gold",
        },
        Settings = new AccountSettingsInput
        {
            Payouts = new AccountPayoutSettingsInput
            {
                DebitNegativeBalances = true,
                StatementDescriptor = "ROSEN BOOKS",
                Schedule = new TransferScheduleInput
                {
                    Interval = TransferScheduleInterval.Weekly,
                    WeeklyAnchor = TransferScheduleWeeklyAnchor.Friday,
                    DelayDays = new PayoutDelayDaysInput { Number = 7 },
                },
            },
            Payments = new AccountPaymentsSettingsInput { StatementDescriptor = "ROSEN BOOKS" },
            Branding = new AccountBrandingSettingsInput { PrimaryColor = "#336699", SecondaryColor = "#ffffff" },
            CardPayments = new AccountCardPaymentsSettingsInput
            {
                StatementDescriptorPrefix = "ROSEN",
                DeclineOn = new AccountDeclineChargeOnInput { AvsFailure = true, CvcFailure = true },
            },
        },
    };

    public static SN.AccountCreateOptions StripeNetAccountCreate() => new()
    {
        // The same controller settings as AccountControllerInput.Custom (the deprecated type=custom's successor).
        Controller = new SN.AccountControllerOptions
        {
            Fees = new SN.AccountControllerFeesOptions { Payer = "application" },
            Losses = new SN.AccountControllerLossesOptions { Payments = "application" },
            RequirementCollection = "application",
            StripeDashboard = new SN.AccountControllerStripeDashboardOptions { Type = "none" },
        },
        Country = "US",
        Email = "jenny.rosen@example.com",
        BusinessType = "company",
        BusinessProfile = new SN.AccountBusinessProfileOptions
        {
            Mcc = "5734",
            Name = "Rosen Books & Co.",
            ProductDescription = "Second-hand books, shipped worldwide",
            SupportEmail = "support@rosen.example",
            SupportPhone = "+15555550100",
            Url = "https://rosen.example",
            SupportAddress = new SN.AddressOptions
            {
                Line1 = "510 Townsend St",
                City = "San Francisco",
                State = "CA",
                PostalCode = "94103",
                Country = "US",
            },
        },
        Company = new SN.AccountCompanyOptions
        {
            Name = "Rosen Books LLC",
            Phone = "+15555550101",
            TaxId = "000000000",
            DirectorsProvided = true,
            OwnersProvided = true,
            Address = new SN.AddressOptions
            {
                Line1 = "510 Townsend St",
                Line2 = "Suite 200",
                City = "San Francisco",
                State = "CA",
                PostalCode = "94103",
                Country = "US",
            },
        },
        Capabilities = new SN.AccountCapabilitiesOptions
        {
            CardPayments = new SN.AccountCapabilitiesCardPaymentsOptions { Requested = true },
            Transfers = new SN.AccountCapabilitiesTransfersOptions { Requested = true },
            UsBankAccountAchPayments = new SN.AccountCapabilitiesUsBankAccountAchPaymentsOptions { Requested = true },
        },
        Metadata = new Dictionary<string, string>
        {
            ["order_id"] = "6735",
            ["platform_user"] = "user_42",
            ["tier"] = "gold",
        },
        Settings = new SN.AccountSettingsOptions
        {
            Payouts = new SN.AccountSettingsPayoutsOptions
            {
                DebitNegativeBalances = true,
                StatementDescriptor = "ROSEN BOOKS",
                Schedule = new SN.AccountSettingsPayoutsScheduleOptions
                {
                    Interval = "weekly",
                    WeeklyAnchor = "friday",
                    DelayDays = 7L,
                },
            },
            Payments = new SN.AccountSettingsPaymentsOptions { StatementDescriptor = "ROSEN BOOKS" },
            Branding = new SN.AccountSettingsBrandingOptions { PrimaryColor = "#336699", SecondaryColor = "#ffffff" },
            CardPayments = new SN.AccountSettingsCardPaymentsOptions
            {
                StatementDescriptorPrefix = "ROSEN",
                DeclineOn = new SN.AccountSettingsCardPaymentsDeclineOnOptions { AvsFailure = true, CvcFailure = true },
            },
        },
    };

    public static AccountLinkCreateRequest AccountLinkCreate() => new()
    {
        Account = Fixtures.AccountId,
        RefreshUrl = "https://platform.example/reauth",
        ReturnUrl = "https://platform.example/return",
        Type = AccountLinkType.AccountOnboarding,
    };

    public static SN.AccountLinkCreateOptions StripeNetAccountLinkCreate() => new()
    {
        Account = Fixtures.AccountId,
        RefreshUrl = "https://platform.example/reauth",
        ReturnUrl = "https://platform.example/return",
        Type = "account_onboarding",
    };
}

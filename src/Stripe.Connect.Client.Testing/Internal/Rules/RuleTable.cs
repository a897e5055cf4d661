namespace Stripe.Connect.Client.Testing.Internal.Rules;

/// <summary>
/// The rules the in-memory API enforces beyond the parameter schemas, each with its source. The README's table
/// "Rules the in-memory API enforces" lists the same ids; a test keeps the two in step.
/// </summary>
internal static class RuleTable
{
    private const string Errors = "https://docs.stripe.com/api/errors";
    private const string ErrorCodes = "https://docs.stripe.com/error-codes";
    private const string ConnectTesting = "https://docs.stripe.com/connect/testing";
    private const string Metadata = "https://docs.stripe.com/metadata";
    private const string OAuthReference = "https://docs.stripe.com/connect/oauth-reference";
    private const string Capabilities = "https://docs.stripe.com/connect/account-capabilities#capability-status";

    // Authentication.
    public static readonly StripeRule ApiKeyMissing = new("auth.key_missing", "No API key in the Authorization header", 401, "invalid_request_error", null, "https://docs.stripe.com/api/authentication (and stripe-samples/firebase-subscription-payments#7, the message Stripe sends)");
    public static readonly StripeRule ApiKeyInvalid = new("auth.key_invalid", "A malformed, unknown or live-mode key", 401, "invalid_request_error", "api_key_invalid", "https://docs.stripe.com/keys");
    public static readonly StripeRule PublishableKey = new("auth.publishable_key", "A publishable key (pk_) anywhere but POST /v1/tokens", 403, "invalid_request_error", null, "https://docs.stripe.com/keys (publishable keys only create tokens); SiimKirjanen/seatreg#97 shows the 403");
    public static readonly StripeRule AccountNotConnected = new("auth.account_invalid", "Stripe-Account names an account that is not connected to the platform", 403, "invalid_request_error", "account_invalid", ErrorCodes + "#account-invalid");

    // Parameters (checked before any business rule), first against the operation's schema.
    public static readonly StripeRule ParameterUnknown = new("param.unknown", "A parameter the operation does not take, at any depth", 400, "invalid_request_error", "parameter_unknown", ErrorCodes + "#parameter-unknown");
    public static readonly StripeRule ParameterMissing = new("param.missing", "A required parameter left out", 400, "invalid_request_error", "parameter_missing", ErrorCodes + "#parameter-missing");
    public static readonly StripeRule ParameterInvalidInteger = new("param.integer", "An integer parameter that is not an integer", 400, "invalid_request_error", "parameter_invalid_integer", ErrorCodes + "#parameter-invalid-integer");
    public static readonly StripeRule ParameterInvalidEmpty = new("param.empty", "An empty string for a parameter that cannot be unset", 400, "invalid_request_error", "parameter_invalid_empty", ErrorCodes + "#parameter-invalid-empty");
    public static readonly StripeRule ParameterInvalid = new("param.invalid", "A boolean, decimal, enum value, string length, hash or list that does not fit the schema", 400, "invalid_request_error", null, Errors);
    public static readonly StripeRule ParametersExclusive = new("param.exclusive", "Parameters that exclude each other (type and controller; starting_after and ending_before)", 400, "invalid_request_error", "parameters_exclusive", ErrorCodes + "#parameters-exclusive");
    public static readonly StripeRule CurrencyInvalid = new("param.currency", "A currency Stripe does not support (upper case is accepted)", 400, "invalid_request_error", null, "https://docs.stripe.com/currencies; lukec/stripe-perl#156 shows the error");
    public static readonly StripeRule CountryInvalid = new("param.country", "A country that is not an ISO 3166-1 alpha-2 code", 400, "invalid_request_error", null, "https://docs.stripe.com/api/country_specs");
    public static readonly StripeRule EmailInvalid = new("param.email", "An e-mail address that is not one", 400, "invalid_request_error", "email_invalid", ErrorCodes + "#email-invalid");
    public static readonly StripeRule UrlInvalid = new("param.url", "A URL parameter that is not an absolute http(s) URL", 400, "invalid_request_error", "url_invalid", ErrorCodes + "#url-invalid");
    public static readonly StripeRule MetadataTooManyKeys = new("param.metadata_keys", "More than 50 metadata keys", 400, "invalid_request_error", null, Metadata);
    public static readonly StripeRule MetadataKeyTooLong = new("param.metadata_key_length", "A metadata key longer than 40 characters", 400, "invalid_request_error", null, Metadata);
    public static readonly StripeRule MetadataValueTooLong = new("param.metadata_value_length", "A metadata value longer than 500 characters", 400, "invalid_request_error", null, Metadata);
    public static readonly StripeRule LimitOutOfRange = new("param.limit", "A list limit outside 1-100", 400, "invalid_request_error", null, "https://docs.stripe.com/api/pagination");
    public static readonly StripeRule AmountNegative = new("param.amount_negative", "A negative amount", 400, "invalid_request_error", null, Errors);
    public static readonly StripeRule AmountZero = new("param.amount_zero", "A zero amount where money must move", 400, "invalid_request_error", "amount_too_small", ErrorCodes + "#amount-too-small");
    public static readonly StripeRule ExpandNotExpandable = new("param.expand", "An expand path the object cannot expand", 400, "invalid_request_error", null, "https://docs.stripe.com/expand");
    public static readonly StripeRule ExpandTooDeep = new("param.expand_depth", "An expand path deeper than four levels", 400, "invalid_request_error", null, "https://docs.stripe.com/expand");
    public static readonly StripeRule RoutingNumberInvalid = new("param.routing_number", "A US routing number that is not nine digits, or whose ABA check digit is wrong", 400, "invalid_request_error", "routing_number_invalid", ErrorCodes + "#routing-number-invalid");
    public static readonly StripeRule DateOfBirthInvalid = new("param.dob", "A date of birth that is no real date, before 1900 or in the future", 400, "invalid_request_error", null, "https://docs.stripe.com/api/accounts/create#create_account-individual-dob (day, month, year of a date of birth)");
    public static readonly StripeRule DateOfBirthUnderMinimumAge = new("param.dob_age", "A date of birth less than 13 years ago", 400, "invalid_request_error", null, "https://docs.stripe.com/connect/required-verification-information (minimum age 13; invalid_dob_age_under_minimum in the requirements error codes of the API description)");
    public static readonly StripeRule LiveBankAccount = new("test.bank_account_number", "A US bank account number that is not one of Stripe's test numbers", 400, "invalid_request_error", null, ConnectTesting + "#payouts; ezet/stripe-sdk#107 shows the message");

    // Objects.
    public static readonly StripeRule ResourceMissing = new("object.resource_missing", "An object that does not exist, or belongs to another connected account", 404, "invalid_request_error", "resource_missing", ErrorCodes + "#resource-missing (param id for the object in the path)");
    public static readonly StripeRule TokenUsed = new("object.token_used", "A token used a second time", 400, "invalid_request_error", "token_already_used", ErrorCodes + "#token-already-used");
    public static readonly StripeRule NotDebitCard = new("object.external_card_not_debit", "A credit card as an external account (payouts need a debit card, such as tok_visa_debit)", 400, "invalid_request_error", "invalid_card_type", ErrorCodes + "#invalid-card-type; " + ConnectTesting);
    public static readonly StripeRule AccountUpdateLink = new("account_link.account_update", "An account_update link for an account whose requirements Stripe collects (Express, Standard)", 400, "invalid_request_error", null, "https://docs.stripe.com/api/account_links/create; stripe/stripe-python#673, stripe/stripe-node#1047");
    public static readonly StripeRule LoginLinkNotExpress = new("login_link.not_express", "A login link for an account without the Express Dashboard", 400, "invalid_request_error", null, "https://docs.stripe.com/api/accounts/login_link; stripe/stripe-dotnet#2344");
    public static readonly StripeRule TransfersCapability = new("transfer.capability", "A transfer to an account without an active transfers (or crypto_transfers, legacy_payments) capability", 400, "invalid_request_error", "insufficient_capabilities_for_transfer", ErrorCodes + "#insufficient-capabilities-for-transfer");
    public static readonly StripeRule BalanceInsufficient = new("balance.insufficient", "A transfer or payout beyond the available balance of its currency and source type", 400, "invalid_request_error", "balance_insufficient", ErrorCodes + "#balance-insufficient; stripe/stripe-node#264, stripe/stripe-node#1147");
    public static readonly StripeRule AmountTooLarge = new("refund.amount_too_large", "A reversal or fee refund beyond what is left", 400, "invalid_request_error", "amount_too_large", ErrorCodes + "#amount-too-large");
    public static readonly StripeRule TransferAlreadyReversed = new("refund.transfer_already_reversed", "A reversal of a transfer reversed in full", 400, "invalid_request_error", null, "https://docs.stripe.com/api/transfer_reversals/create");
    public static readonly StripeRule FeeAlreadyRefunded = new("refund.fee_already_refunded", "A refund of an application fee refunded in full", 400, "invalid_request_error", "charge_already_refunded", ErrorCodes + "#charge-already-refunded");
    public static readonly StripeRule PayoutNoExternalAccount = new("payout.no_external_account", "A payout in a currency the account has no external account for", 400, "invalid_request_error", null, "https://docs.stripe.com/api/payouts/create");
    public static readonly StripeRule PayoutInstantToBank = new("payout.instant_to_bank", "An instant payout to a bank account (the fake models instant payouts to debit cards only)", 400, "invalid_request_error", null, "https://docs.stripe.com/payouts/instant-payouts");
    public static readonly StripeRule PayoutNotCancelable = new("payout.cancel", "Canceling a payout that is no longer pending", 400, "invalid_request_error", null, "https://docs.stripe.com/api/payouts/cancel");
    public static readonly StripeRule PayoutNotReversible = new("payout.reverse", "Reversing a payout that is not paid, or not to a US or Canadian bank account", 400, "invalid_request_error", null, "https://docs.stripe.com/api/payouts/reverse");
    public static readonly StripeRule TopupNotCancelable = new("topup.cancel", "Canceling a top-up that is no longer pending", 400, "invalid_request_error", null, "https://docs.stripe.com/api/topups/cancel");
    public static readonly StripeRule TokenNothingToTokenize = new("token.empty", "A token request with nothing to tokenize", 400, "invalid_request_error", null, "https://docs.stripe.com/api/tokens");

    // OAuth (connect.stripe.com): Type is the OAuth error value.
    public static readonly StripeRule OAuthInvalidGrant = new("oauth.invalid_grant", "An unknown, used or revoked authorization code or refresh token", 400, "invalid_grant", null, OAuthReference + "#post-token-errors; stripe/stripe-node#602");
    public static readonly StripeRule OAuthInvalidRequest = new("oauth.invalid_request", "An OAuth request with a missing or unknown parameter", 400, "invalid_request", null, OAuthReference);
    public static readonly StripeRule OAuthUnsupportedGrant = new("oauth.unsupported_grant_type", "A grant_type other than authorization_code or refresh_token", 400, "unsupported_grant_type", null, OAuthReference);
    public static readonly StripeRule OAuthInvalidClient = new("oauth.invalid_client", "A missing or publishable key, a client_id that is not the platform's, or an account not connected to it", 401, "invalid_client", null, OAuthReference + "; stripe/stripe-dotnet#909");

    // Behaviour modelled (not refusals): the requirements model, verification and hosted onboarding.
    private const string RequiredInfo = "https://docs.stripe.com/connect/required-verification-information";
    private const string AccountObject = "https://docs.stripe.com/api/accounts/object";

    public static readonly StripeBehaviour RequirementSet = new("requirements.fields", "What a US individual (or company) needs for card_payments and transfers: business_type, business_profile.mcc and url, the individual's (or representative's) name, date of birth, address with state, email, phone and SSN last 4, tos_acceptance date and ip; external_account for payouts; the full SSN (id_number) eventually", RequiredInfo + " (United States, individuals and companies, card_payments and transfers); the same lists appear on accounts read from test mode (currently_due and past_due at creation, id_number eventually due)");
    public static readonly StripeBehaviour RequirementAlternative = new("requirements.alternatives", "business_profile.product_description stands in for business_profile.url (an alternatives entry while the url is due)", RequiredInfo + " (if the user has no URL, a product description instead)");
    public static readonly StripeBehaviour RequirementsPastDue = new("requirements.past_due", "Missing minimum fields are currently_due and past_due at once; requested capabilities are inactive and disabled_reason is requirements.past_due", AccountObject + "#account_object-requirements; " + Capabilities);
    public static readonly StripeBehaviour RequirementsPending = new("requirements.pending_verification", "While a verification runs, capabilities are pending, disabled_reason is requirements.pending_verification and the fields a failure would ask for are pending_verification", AccountObject + "#account_object-requirements-pending_verification");
    public static readonly StripeBehaviour RequirementsDeadline = new("requirements.current_deadline", "At a verification threshold (ReachVerificationThreshold) the eventually-due fields become currently due with current_deadline; past it they are past due and the capabilities inactive", AccountObject + "#account_object-requirements-current_deadline");
    public static readonly StripeBehaviour AccountFlags = new("account.enabled_flags", "charges_enabled follows card_payments; payouts_enabled needs an active capability and an external account; details_submitted turns true once nothing is currently due", AccountObject + "#account_object-charges_enabled");
    public static readonly StripeBehaviour TestDatesOfBirth = new("verification.test_dob", "Date of birth 1901-01-01 verifies a minute later, 1902-01-01 at once, 1900-01-01 fails (watch-list alert); any other date fails the identity check", ConnectTesting + "#test-dates-of-birth (any other DOB results in unsuccessful verification)");
    public static readonly StripeBehaviour TestDocuments = new("verification.test_document", "The identity document file_identity_document_success verifies at once, file_identity_document_failure fails; a failed check asks for the document (with a requirements error)", ConnectTesting + "#test-file-tokens");
    public static readonly StripeBehaviour AccountLinkSingleUse = new("account_link.single_use", "An account link works once and until expires_at (300 s); an expired or used link redirects to refresh_url, a completed flow to return_url", "https://docs.stripe.com/api/account_links/object; https://docs.stripe.com/connect/hosted-onboarding");

    /// <summary>Every rule, in the order of the README table.</summary>
    public static IReadOnlyList<StripeRule> All { get; } =
    [
        ApiKeyMissing, ApiKeyInvalid, PublishableKey, AccountNotConnected,
        ParameterUnknown, ParameterMissing, ParameterInvalidInteger, ParameterInvalidEmpty, ParameterInvalid, ParametersExclusive,
        CurrencyInvalid, CountryInvalid, EmailInvalid, UrlInvalid, MetadataTooManyKeys, MetadataKeyTooLong, MetadataValueTooLong,
        LimitOutOfRange, AmountNegative, AmountZero, ExpandNotExpandable, ExpandTooDeep, RoutingNumberInvalid, DateOfBirthInvalid,
        DateOfBirthUnderMinimumAge, LiveBankAccount,
        ResourceMissing, TokenUsed, NotDebitCard, AccountUpdateLink, LoginLinkNotExpress, TransfersCapability, BalanceInsufficient,
        AmountTooLarge, TransferAlreadyReversed, FeeAlreadyRefunded, PayoutNoExternalAccount, PayoutInstantToBank, PayoutNotCancelable, PayoutNotReversible,
        TopupNotCancelable, TokenNothingToTokenize,
        OAuthInvalidGrant, OAuthInvalidRequest, OAuthUnsupportedGrant, OAuthInvalidClient,
    ];

    /// <summary>Every modelled behaviour, in the order of the README table.</summary>
    public static IReadOnlyList<StripeBehaviour> Behaviours { get; } =
    [
        RequirementSet, RequirementAlternative, RequirementsPastDue, RequirementsPending, RequirementsDeadline, AccountFlags,
        TestDatesOfBirth, TestDocuments, AccountLinkSingleUse,
    ];
}

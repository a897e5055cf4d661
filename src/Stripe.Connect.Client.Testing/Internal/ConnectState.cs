using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>
/// All objects of the fake and the operations on them. Every member runs under the lock of
/// <see cref="InMemoryConnectApi"/>; nothing here is thread-safe on its own.
/// </summary>
internal sealed partial class ConnectState
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private readonly TimeProvider _time;
    private readonly Dictionary<string, Func<Call, JsonObject>> _operations;
    private long _sequence;

    public ConnectState(TimeProvider time)
    {
        _time = time;
        _operations = BuildOperations();
        Platform = NewPlatformAccount();
    }

    public Entity Platform { get; private set; }

    public TimeSpan? CapabilityActivationDelay { get; set; }

    public long Now => _time.GetUtcNow().ToUnixTimeSeconds();

    public static string RandomText(int length) => RandomNumberGenerator.GetString(Alphabet, length);

    public static string NewId(string prefix) => prefix + "1" + RandomText(23);

    public long NextSequence() => ++_sequence;

    public bool HasOperation(string operationId) => _operations.ContainsKey(operationId);

    public JsonObject Execute(string operationId, Call call) => _operations[operationId](call);

    public void Reset()
    {
        _accounts.Clear();
        _capabilities.Clear();
        _persons.Clear();
        _externalAccounts.Clear();
        _hostedLinks.Clear();
        _hostedSessions.Clear();
        _approvedCapabilities.Clear();
        _thresholds.Clear();
        _verificationRuns.Clear();
        _transfers.Clear();
        _reversals.Clear();
        _fees.Clear();
        _feeRefunds.Clear();
        _topups.Clear();
        _secrets.Clear();
        _idempotency.Clear();
        _balanceTransactions.Clear();
        _sourceTypes.Clear();
        _payouts.Clear();
        _bankAccountNumbers.Clear();
        _tokens.Clear();
        _tokenParams.Clear();
        _events.Clear();
        _deliveries.Clear();
        _webhookEndpoints.Clear();
        _endpointSecrets.Clear();
        _connectEndpoints.Clear();
        _authorizationCodes.Clear();
        _accessTokens.Clear();
        _refreshTokens.Clear();
        _deauthorized.Clear();
        _balanceSettings.Clear();
        _jobs.Clear();
        _v2Accounts.Clear();
        _v2Persons.Clear();
        _v2Tokens.Clear();
        _v2Events.Clear();
        _destinations.Clear();
        _destinationSecrets.Clear();
        Platform = NewPlatformAccount();
    }

    /// <summary>Moves objects along with time: scheduled jobs, and requested capabilities approved after the configured delay.</summary>
    public void Tick()
    {
        RunDue();
        if (CapabilityActivationDelay is not { } delay)
        {
            return;
        }

        var now = Now;
        foreach (var capability in _capabilities.All.ToList())
        {
            if (capability.Data.Bool("requested") == true
                && capability.Data.Str("status") != "active"
                && !_approvedCapabilities.Contains(capability.Id)
                && capability.Data.Long("requested_at") is { } requestedAt
                && requestedAt + (long)delay.TotalSeconds <= now)
            {
                ActivateCapabilities(capability.Parent!, capability.Data.Str("id"));
            }
        }
    }

    private Dictionary<string, Func<Call, JsonObject>> BuildOperations() => new(StringComparer.Ordinal)
    {
        ["PostAccounts"] = CreateAccount,
        ["GetAccountsAccount"] = RetrieveAccount,
        ["GetAccount"] = RetrieveCurrentAccount,
        ["PostAccountsAccount"] = UpdateAccount,
        ["DeleteAccountsAccount"] = DeleteAccount,
        ["GetAccounts"] = ListAccounts,
        ["PostAccountsAccountReject"] = RejectAccount,
        ["PostAccountsAccountUnreject"] = UnrejectAccount,
        ["PostAccountsAccountLoginLinks"] = CreateLoginLink,
        ["PostAccountLinks"] = CreateAccountLink,
        ["PostAccountSessions"] = CreateAccountSession,
        ["GetAccountsAccountCapabilitiesCapability"] = RetrieveCapability,
        ["PostAccountsAccountCapabilitiesCapability"] = UpdateCapability,
        ["GetAccountsAccountCapabilities"] = ListCapabilities,
        ["PostAccountsAccountExternalAccounts"] = CreateExternalAccount,
        ["GetAccountsAccountExternalAccountsId"] = RetrieveExternalAccount,
        ["PostAccountsAccountExternalAccountsId"] = UpdateExternalAccount,
        ["DeleteAccountsAccountExternalAccountsId"] = DeleteExternalAccount,
        ["GetAccountsAccountExternalAccounts"] = ListExternalAccounts,
        ["PostAccountsAccountPersons"] = CreatePerson,
        ["GetAccountsAccountPersonsPerson"] = RetrievePerson,
        ["PostAccountsAccountPersonsPerson"] = UpdatePerson,
        ["DeleteAccountsAccountPersonsPerson"] = DeletePerson,
        ["GetAccountsAccountPersons"] = ListPersons,
        ["GetApplicationFeesId"] = RetrieveFee,
        ["GetApplicationFees"] = ListFees,
        ["PostApplicationFeesIdRefunds"] = CreateFeeRefund,
        ["GetApplicationFeesFeeRefundsId"] = RetrieveFeeRefund,
        ["PostApplicationFeesFeeRefundsId"] = UpdateFeeRefund,
        ["GetApplicationFeesIdRefunds"] = ListFeeRefunds,
        ["PostTransfers"] = CreateTransfer,
        ["GetTransfersTransfer"] = RetrieveTransfer,
        ["PostTransfersTransfer"] = UpdateTransfer,
        ["GetTransfers"] = ListTransfers,
        ["PostTransfersIdReversals"] = CreateReversal,
        ["GetTransfersTransferReversalsId"] = RetrieveReversal,
        ["PostTransfersTransferReversalsId"] = UpdateReversal,
        ["GetTransfersIdReversals"] = ListReversals,
        ["PostTopups"] = CreateTopup,
        ["GetTopupsTopup"] = RetrieveTopup,
        ["PostTopupsTopup"] = UpdateTopup,
        ["GetTopups"] = ListTopups,
        ["PostTopupsTopupCancel"] = CancelTopup,
        ["GetCountrySpecsCountry"] = RetrieveCountrySpec,
        ["GetCountrySpecs"] = ListCountrySpecs,
        ["PostAppsSecrets"] = CreateSecret,
        ["GetAppsSecretsFind"] = FindSecret,
        ["PostAppsSecretsDelete"] = DeleteSecret,
        ["GetAppsSecrets"] = ListSecrets,
        ["GetBalance"] = RetrieveBalance,
        ["GetBalanceTransactionsId"] = RetrieveBalanceTransaction,
        ["GetBalanceTransactions"] = ListBalanceTransactions,
        ["GetBalanceSettings"] = RetrieveBalanceSettings,
        ["PostBalanceSettings"] = UpdateBalanceSettings,
        ["PostPayouts"] = CreatePayout,
        ["GetPayoutsPayout"] = RetrievePayout,
        ["PostPayoutsPayout"] = UpdatePayout,
        ["GetPayouts"] = ListPayouts,
        ["PostPayoutsPayoutCancel"] = CancelPayout,
        ["PostPayoutsPayoutReverse"] = ReversePayout,
        ["PostTokens"] = CreateToken,
        ["GetTokensToken"] = RetrieveToken,
        ["GetEventsId"] = RetrieveEvent,
        ["GetEvents"] = ListEvents,
        ["PostWebhookEndpoints"] = CreateWebhookEndpoint,
        ["GetWebhookEndpointsWebhookEndpoint"] = RetrieveWebhookEndpoint,
        ["PostWebhookEndpointsWebhookEndpoint"] = UpdateWebhookEndpoint,
        ["GetWebhookEndpoints"] = ListWebhookEndpoints,
        ["DeleteWebhookEndpointsWebhookEndpoint"] = DeleteWebhookEndpoint,
        ["PostOauthToken"] = CreateOAuthToken,
        ["PostOauthDeauthorize"] = Deauthorize,
    };

    private static JsonObject Deleted(string id, string objectName) =>
        new() { ["id"] = id, ["object"] = objectName, ["deleted"] = true };

    private static string Lower(string value) => value.ToLowerInvariant();
}

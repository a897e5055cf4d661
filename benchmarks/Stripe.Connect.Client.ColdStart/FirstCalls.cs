using System.Text.Json;
using SN = global::Stripe;

namespace Stripe.Connect.Client.ColdStart;

/// <summary>The contenders: this SDK, Stripe.net and the hand-written floor, each reading one account.</summary>
internal static class FirstCalls
{
    public const string ApiKey = "sk_test_coldstart_0123456789";
    public const string AccountId = "acct_1PgafTB7WZ01zgkW";
    public const string V2AccountId = "acct_1SQ4mYQ2k7RtUv9x";

    public static IReadOnlyList<FirstCall> All { get; } =
    [
        new ConnectAccountRead(),
        new StripeNetAccountRead(),
        new FloorAccountRead(),
        new ConnectV2AccountRead(),
        new StripeNetV2AccountRead(),
        new FloorV2AccountRead(),
    ];

    /// <summary>This SDK as a short-lived process would use it: a client built with options, one typed read.</summary>
    private sealed class ConnectAccountRead : FirstCall
    {
        public override string Name => "connect-v1";

        public override string Description => "Stripe.Connect.Client `Accounts.GetAsync`";

        public override string Fixture => "account.json";

        public override string ExpectedId => AccountId;

        public override async Task<string?> RunAsync(HttpMessageHandler handler)
        {
            using var client = new ConnectClient(new ConnectClientOptions { ApiKey = ApiKey }, handler, disposeHandler: false);
            var account = await client.Accounts.GetAsync(AccountId).ConfigureAwait(false);
            return account.Id;
        }
    }

    /// <summary>Stripe.net 53.1.0 with its defaults, except the canned handler under its HttpClient.</summary>
    private sealed class StripeNetAccountRead : FirstCall
    {
        public override string Name => "stripenet-v1";

        public override string Description => "Stripe.net `AccountService.GetAsync`";

        public override string Fixture => "account.json";

        public override string ExpectedId => AccountId;

        public override async Task<string?> RunAsync(HttpMessageHandler handler)
        {
            var client = new SN.StripeClient(new SN.StripeClientOptions
            {
                ApiKey = ApiKey,
                HttpClient = new SN.SystemNetHttpClient(new HttpClient(handler, disposeHandler: false)),
            });
            var account = await new SN.AccountService(client).GetAsync(AccountId).ConfigureAwait(false);
            return account.Id;
        }
    }

    /// <summary>The floor: a plain HttpClient request and a JsonDocument read of the id.</summary>
    private sealed class FloorAccountRead : FirstCall
    {
        public override string Name => "floor-v1";

        public override string Description => "Floor: `HttpClient` + `JsonDocument`";

        public override string Fixture => "account.json";

        public override string ExpectedId => AccountId;

        public override async Task<string?> RunAsync(HttpMessageHandler handler)
        {
            using var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri("https://api.stripe.com/") };
            http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + ApiKey);
            using var response = await http.GetAsync("v1/accounts/" + Uri.EscapeDataString(AccountId)).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(stream).ConfigureAwait(false);
            return document.RootElement.GetProperty("id").GetString();
        }
    }

    /// <summary>This SDK's v2 account read (<c>V2.Core.Accounts.GetAsync</c>), the v2 fixture as the answer.</summary>
    private sealed class ConnectV2AccountRead : FirstCall
    {
        public override string Name => "connect-v2";

        public override string Description => "Stripe.Connect.Client `V2.Core.Accounts.GetAsync`";

        public override string Fixture => "v2/v2.core.account.json";

        public override string ExpectedId => V2AccountId;

        public override async Task<string?> RunAsync(HttpMessageHandler handler)
        {
            using var client = new ConnectClient(new ConnectClientOptions { ApiKey = ApiKey }, handler, disposeHandler: false);
            var account = await client.V2.Core.Accounts.GetAsync(V2AccountId).ConfigureAwait(false);
            return account.Id;
        }
    }

    /// <summary>Stripe.net 53.1.0's v2 account service, the same canned answer.</summary>
    private sealed class StripeNetV2AccountRead : FirstCall
    {
        public override string Name => "stripenet-v2";

        public override string Description => "Stripe.net `V2.Core.Accounts.GetAsync`";

        public override string Fixture => "v2/v2.core.account.json";

        public override string ExpectedId => V2AccountId;

        public override async Task<string?> RunAsync(HttpMessageHandler handler)
        {
            var client = new SN.StripeClient(new SN.StripeClientOptions
            {
                ApiKey = ApiKey,
                HttpClient = new SN.SystemNetHttpClient(new HttpClient(handler, disposeHandler: false)),
            });
            var account = await client.V2.Core.Accounts.GetAsync(V2AccountId).ConfigureAwait(false);
            return account.Id;
        }
    }

    /// <summary>The v2 floor: a plain HttpClient request and a JsonDocument read of the id.</summary>
    private sealed class FloorV2AccountRead : FirstCall
    {
        public override string Name => "floor-v2";

        public override string Description => "Floor (v2): `HttpClient` + `JsonDocument`";

        public override string Fixture => "v2/v2.core.account.json";

        public override string ExpectedId => V2AccountId;

        public override async Task<string?> RunAsync(HttpMessageHandler handler)
        {
            using var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri("https://api.stripe.com/") };
            http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + ApiKey);
            using var response = await http.GetAsync("v2/core/accounts/" + Uri.EscapeDataString(V2AccountId)).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(stream).ConfigureAwait(false);
            return document.RootElement.GetProperty("id").GetString();
        }
    }
}

namespace Stripe.Connect.Client.IntegrationTests.Support;

/// <summary>Clients pointed at a loopback server, with small time-outs and near-instant retry delays.</summary>
internal static class Clients
{
    public const string ApiKey = "sk_test_51IntegrationKeyThatMustNeverLeak";

    public const string LinkJson = """{"object":"account_link","created":1700000000,"expires_at":1700000300,"url":"https://connect.stripe.com/setup/s/abc"}""";

    /// <summary>A client over the process-wide pooled handler (the default when no HttpClient is given).</summary>
    public static ConnectClient Create(Uri server, TimeSpan? timeout = null, int retries = 2, HttpClient? http = null) =>
        new(Options(server, timeout, retries), http);

    public static ConnectClientOptions Options(Uri server, TimeSpan? timeout = null, int retries = 2) => new()
    {
        ApiKey = ApiKey,
        BaseAddress = server,
        Timeout = timeout ?? TimeSpan.FromSeconds(5),
        MaxNetworkRetries = retries,
        InitialRetryDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(5),
    };

    /// <summary>Options whose retries wait for nothing (zero backoff), so no test depends on the clock.</summary>
    public static ConnectClientOptions NoDelayOptions(Uri server, int retries = 2) => new()
    {
        ApiKey = ApiKey,
        BaseAddress = server,
        Timeout = TimeSpan.FromSeconds(30),
        MaxNetworkRetries = retries,
        InitialRetryDelay = TimeSpan.Zero,
        MaxRetryDelay = TimeSpan.Zero,
    };

    public static AccountLinkCreateRequest LinkRequest(string account = "acct_123") => new()
    {
        Account = account,
        RefreshUrl = "https://platform.example/refresh",
        ReturnUrl = "https://platform.example/return",
        Type = AccountLinkType.AccountOnboarding,
    };

    public static string Error(string type, string? code = null) =>
        $$$"""{"error":{"type":"{{{type}}}","code":{{{(code is null ? "null" : "\"" + code + "\"")}}},"message":"Injected fault."}}""";
}

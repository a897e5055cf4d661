using Microsoft.Extensions.Logging;
using RichardSzalay.MockHttp;

namespace Stripe.Connect.Client.Tests.Support;

/// <summary>Builds clients over MockHttp with a clock that makes retries instant.</summary>
internal static class TestClients
{
    public const string ApiKey = "sk_test_51TestKeyThatMustNeverLeak";

    public static ConnectClient Create(
        MockHttpMessageHandler mock,
        Action<ConnectClientOptions>? configure = null,
        TimeProvider? time = null,
        ILoggerFactory? logs = null)
    {
        var options = new ConnectClientOptions { ApiKey = ApiKey };
        configure?.Invoke(options);
        return new ConnectClient(options, mock.ToHttpClient(), logs, time ?? new InstantTimeProvider());
    }

    public static AccountLinkCreateRequest LinkRequest(string account = "acct_123") => new()
    {
        Account = account,
        RefreshUrl = "https://platform.example/refresh",
        ReturnUrl = "https://platform.example/return",
        Type = AccountLinkType.AccountOnboarding,
    };

    public const string LinkJson = """{"object":"account_link","created":1700000000,"expires_at":1700000300,"url":"https://connect.stripe.com/setup/s/abc"}""";

    public static HttpResponseMessage Json(System.Net.HttpStatusCode status, string json, string requestId = "req_test")
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        response.Headers.TryAddWithoutValidation("Request-Id", requestId);
        return response;
    }

    public static string Error(string type, string? code = null, string? param = null, string message = "Something went wrong.") =>
        $$$"""{"error":{"type":"{{{type}}}","code":{{{Quote(code)}}},"param":{{{Quote(param)}}},"message":"{{{message}}}","doc_url":"https://docs.stripe.com/error-codes","request_log_url":"https://dashboard.stripe.com/test/logs/req_x"}}""";

    private static string Quote(string? value) => value is null ? "null" : "\"" + value + "\"";
}

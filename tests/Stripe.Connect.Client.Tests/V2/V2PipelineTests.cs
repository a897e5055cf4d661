using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RichardSzalay.MockHttp;
using Stripe.Connect.Client.Tests.Support;
using static Stripe.Connect.Client.V2.Core.Tests.V2TestSupport;

namespace Stripe.Connect.Client.V2.Core.Tests;

/// <summary>What v2 calls share with v1 through the one pipeline: idempotency keys (DELETE too), Stripe-Context, errors, paging.</summary>
public class V2PipelineTests
{
    private const string AccountJson = """{"id":"acct_1","object":"v2.core.account","created":"2026-10-29T14:02:11.517Z","livemode":false}""";

    private static (ConnectClient Client, List<HttpRequestMessage> Requests) Sequence(params (HttpStatusCode Status, string Body)[] responses)
    {
        var requests = new List<HttpRequestMessage>();
        var mock = new MockHttpMessageHandler();
        ScriptedResponses.Respond(mock, requests, [.. responses.Select(r => (Func<HttpResponseMessage>)(() => TestClients.Json(r.Status, r.Body)))]);
        return (TestClients.Create(mock), requests);
    }

    private static string Key(HttpRequestMessage r) => r.Headers.GetValues("Idempotency-Key").Single();

    [Test]
    public async Task A_v2_DELETE_carries_one_idempotency_key_reused_on_every_retry()
    {
        var (client, requests) = Sequence((HttpStatusCode.InternalServerError, """{"error":{"type":"api_error"}}"""), (HttpStatusCode.OK, """{"id":"person_1","object":"v2.core.account_person"}"""));
        using (client)
        {
            await client.V2.Core.AccountPersons.DeleteAsync("acct_1", "person_1");
        }

        Assert.That(requests, Has.Count.EqualTo(2));
        Assert.That(requests.Select(Key).Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_v2_POST_reuses_its_key_on_retries_and_keeps_the_callers_key()
    {
        var (client, requests) = Sequence((HttpStatusCode.TooManyRequests, """{"error":{"type":"rate_limit","code":"rate_limit"}}"""), (HttpStatusCode.OK, AccountJson));
        using (client)
        {
            await client.V2.Core.Accounts.CreateAsync(new AccountCreateRequest { DisplayName = "x" }, new RequestOptions { IdempotencyKey = "order-42" });
        }

        Assert.That(requests.Select(Key), Is.EqualTo(new[] { "order-42", "order-42" }));
    }

    [Test]
    public async Task StripeContext_of_the_call_is_sent_and_replaces_the_clients_account()
    {
        using var client = NewClient(AccountJson, out var req, o => o.StripeAccount = "acct_platform_default");
        await client.V2.Core.Accounts.GetAsync("acct_1", options: new RequestOptions { StripeContext = "acct_1/acct_2" });
        Assert.Multiple(() =>
        {
            Assert.That(req.StripeContext, Is.EqualTo("acct_1/acct_2"));
            Assert.That(req.StripeAccount, Is.Null);
        });
    }

    [Test]
    public async Task StripeContext_of_the_client_is_sent_unless_the_call_names_an_account()
    {
        using var client = NewClient(AccountJson, out var req, o => o.StripeContext = "acct_9");
        await client.V2.Core.Accounts.GetAsync("acct_1");
        Assert.That(req.StripeContext, Is.EqualTo("acct_9"));

        using var other = NewClient(AccountJson, out var req2, o => o.StripeContext = "acct_9");
        await other.V2.Core.Accounts.GetAsync("acct_1", options: new RequestOptions { StripeAccount = "acct_5" });
        Assert.Multiple(() =>
        {
            Assert.That(req2.StripeContext, Is.Null);
            Assert.That(req2.StripeAccount, Is.EqualTo("acct_5"));
        });
    }

    [Test]
    public void StripeContext_and_StripeAccount_on_one_call_fail_before_sending()
    {
        using var client = NewClient(AccountJson, out var req);
        var e = Assert.ThrowsAsync<ArgumentException>(() => client.V2.Core.Accounts.GetAsync("acct_1", options: new RequestOptions { StripeAccount = "acct_1", StripeContext = "acct_1" }));
        Assert.Multiple(() =>
        {
            Assert.That(e!.ParamName, Is.EqualTo("options"));
            Assert.That(e.Message, Does.Contain("StripeContext").And.Contain("StripeAccount"));
            Assert.That(req.Count, Is.Zero);
        });
        Assert.ThrowsAsync<ArgumentException>(() => client.Accounts.GetAsync("acct_1", options: new RequestOptions { StripeAccount = "acct_1", StripeContext = "acct_1" }));
        Assert.ThrowsAsync<ArgumentException>(() => client.V2.Core.Accounts.GetAsync("acct_1", options: new RequestOptions { StripeContext = "acct_1//x" }));
        Assert.That(req.Count, Is.Zero);
    }

    [Test]
    public void Both_on_the_client_options_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new ConnectClient(new ConnectClientOptions { ApiKey = "sk_test_1", StripeAccount = "acct_1", StripeContext = "acct_1" }));
        Assert.That(e!.Message, Does.Contain("StripeContext"));
    }

    [TestCase("rate_limit", typeof(RateLimitException), 429)]
    [TestCase("idempotency_error", typeof(IdempotencyException), 400)]
    [TestCase("insufficient_funds", typeof(InsufficientFundsException), 400)]
    [TestCase("blocked_by_stripe", typeof(BlockedByStripeException), 400)]
    [TestCase("already_canceled", typeof(AlreadyCanceledException), 400)]
    [TestCase("capability_not_enabled", typeof(CapabilityNotEnabledException), 400)]
    [TestCase("controlled_by_alternate_resource", typeof(ControlledByAlternateResourceException), 400)]
    [TestCase("feature_not_enabled", typeof(FeatureNotEnabledException), 400)]
    [TestCase("financial_account_not_open", typeof(FinancialAccountNotOpenException), 400)]
    [TestCase("fx_quote_needs_refresh", typeof(FxQuoteNeedsRefreshException), 400)]
    [TestCase("invalid_payout_method", typeof(InvalidPayoutMethodException), 400)]
    [TestCase("not_cancelable", typeof(NotCancelableException), 400)]
    [TestCase("quota_exceeded", typeof(QuotaExceededException), 400)]
    [TestCase("recipient_not_notifiable", typeof(RecipientNotNotifiableException), 400)]
    [TestCase("temporary_session_expired", typeof(TemporarySessionExpiredException), 400)]
    [TestCase("verification_expired", typeof(VerificationExpiredException), 400)]
    [TestCase("verification_not_initiated", typeof(VerificationNotInitiatedException), 400)]
    public void Every_v2_error_type_maps_to_its_exception(string type, Type expected, int status)
    {
        using var client = NewClient($$$"""{"error":{"type":"{{{type}}}","code":"some_code","message":"No.","user_message":"Try later.","param":"configuration.merchant"}}""", out _, status: (HttpStatusCode)status);
        var e = Assert.ThrowsAsync(Is.InstanceOf<StripeException>(), () => client.V2.Core.Accounts.GetAsync("acct_1"));
        Assert.Multiple(() =>
        {
            Assert.That(e, Is.TypeOf(expected));
            var error = ((StripeException)e!).StripeError!;
            Assert.That(error.Type, Is.EqualTo(type));
            Assert.That(error.Code, Is.EqualTo("some_code"));
            Assert.That(error.Param, Is.EqualTo("configuration.merchant"));
            Assert.That(error.UserMessage, Is.EqualTo("Try later."));
        });
    }

    [Test]
    public void The_extra_fields_of_v2_errors_are_typed()
    {
        using var a = NewClient("""{"error":{"type":"cannot_proceed","reason":"account_closed","message":"m"}}""", out _, status: HttpStatusCode.BadRequest);
        var proceed = Assert.ThrowsAsync<CannotProceedException>(() => a.V2.Core.Accounts.GetAsync("acct_1"));
        using var b = NewClient("""{"error":{"type":"invalid_payment_method","invalid_param":"routing_number"}}""", out _, status: HttpStatusCode.BadRequest);
        var method = Assert.ThrowsAsync<InvalidPaymentMethodException>(() => b.V2.Core.Accounts.GetAsync("acct_1"));
        using var c = NewClient("""{"error":{"type":"verification_attempt_failed","verification_status":"verification_failed"}}""", out _, status: HttpStatusCode.BadRequest);
        var verification = Assert.ThrowsAsync<VerificationAttemptFailedException>(() => c.V2.Core.Accounts.GetAsync("acct_1"));
        using var d = NewClient("""{"error":{"type":"invalid_vaulted_credential","invalid_param":"iban"}}""", out _, status: HttpStatusCode.BadRequest);
        var vaulted = Assert.ThrowsAsync<InvalidVaultedCredentialException>(() => d.V2.Core.Accounts.GetAsync("acct_1"));
        Assert.Multiple(() =>
        {
            Assert.That(proceed!.Reason, Is.EqualTo("account_closed"));
            Assert.That(method!.InvalidParam, Is.EqualTo("routing_number"));
            Assert.That(verification!.VerificationStatus, Is.EqualTo("verification_failed"));
            Assert.That(vaulted!.InvalidParam, Is.EqualTo("iban"));
        });
    }

    [Test]
    public void Invalid_fields_without_a_type_is_an_invalid_request_and_other_errors_follow_the_status()
    {
        using var a = NewClient("""{"error":{"code":"invalid_fields","message":"Invalid fields.","param":"identity.country"}}""", out _, status: HttpStatusCode.BadRequest);
        var invalid = Assert.ThrowsAsync<InvalidRequestException>(() => a.V2.Core.Accounts.GetAsync("acct_1"));
        using var b = NewClient("""{"error":{"code":"unauthorized","message":"No key."}}""", out _, status: HttpStatusCode.Unauthorized);
        Assert.ThrowsAsync<AuthenticationException>(() => b.V2.Core.Accounts.GetAsync("acct_1"));
        using var c = NewClient("""{"error":{"type":"not_found","code":"resource_missing"}}""", out _, status: HttpStatusCode.NotFound);
        Assert.ThrowsAsync<InvalidRequestException>(() => c.V2.Core.Accounts.GetAsync("acct_1"));
        Assert.Multiple(() =>
        {
            Assert.That(invalid!.StripeError!.Code, Is.EqualTo("invalid_fields"));
            Assert.That(invalid.StripeError.Param, Is.EqualTo("identity.country"));
        });
    }

    [Test]
    public async Task Auto_paging_follows_next_page_url_until_it_is_null()
    {
        var pages = new Queue<string>(
        [
            Page("/v2/core/accounts?page=p2&limit=1", """{"id":"acct_1","object":"v2.core.account"}"""),
            Page("/v2/core/accounts?page=p3&limit=1", """{"id":"acct_2","object":"v2.core.account"}"""),
            Page(null, """{"id":"acct_3","object":"v2.core.account"}"""),
        ]);
        var urls = new List<string>();
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(request =>
        {
            urls.Add(request.RequestUri!.PathAndQuery);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(pages.Dequeue(), Encoding.UTF8, "application/json") };
        });
        using var client = TestClients.Create(mock);
        var ids = new List<string>();
        await foreach (var account in client.V2.Core.Accounts.ListAutoPagingAsync(new AccountListRequest { Limit = 1 }))
        {
            ids.Add(account.Id);
        }

        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.EqualTo(new[] { "acct_1", "acct_2", "acct_3" }));
            Assert.That(urls, Is.EqualTo(new[] { "/v2/core/accounts?limit=1", "/v2/core/accounts?page=p2&limit=1", "/v2/core/accounts?page=p3&limit=1" }));
        });
    }

    [Test]
    public void Auto_paging_refuses_a_next_page_url_on_another_host_or_path()
    {
        using var client = NewClient(Page("https://evil.example/v2/core/accounts?page=2", AccountJson), out var req);
        var e = Assert.ThrowsAsync<ApiConnectionException>(async () =>
        {
            await foreach (var account in client.V2.Core.Accounts.ListAutoPagingAsync())
            {
                Assert.That(account.Id, Is.EqualTo("acct_1"));
            }
        });
        Assert.That(e!.Message, Does.Contain("next_page_url"));
        Assert.That(req.Count, Is.EqualTo(1));
    }

    [Test]
    public void AddConnectClient_registers_the_v2_services()
    {
        var services = new ServiceCollection();
        services.AddConnectClient(o => o.ApiKey = "sk_test_di");
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ConnectClient>();
        Assert.Multiple(() =>
        {
            Assert.That(provider.GetRequiredService<CoreServices>(), Is.SameAs(client.V2.Core));
            Assert.That(provider.GetRequiredService<AccountService>(), Is.SameAs(client.V2.Core.Accounts));
            Assert.That(provider.GetRequiredService<AccountPersonService>(), Is.SameAs(client.V2.Core.AccountPersons));
            Assert.That(provider.GetRequiredService<AccountPersonTokenService>(), Is.SameAs(client.V2.Core.AccountPersonTokens));
            Assert.That(provider.GetRequiredService<AccountLinkService>(), Is.SameAs(client.V2.Core.AccountLinks));
            Assert.That(provider.GetRequiredService<AccountTokenService>(), Is.SameAs(client.V2.Core.AccountTokens));
            Assert.That(provider.GetRequiredService<EventService>(), Is.SameAs(client.V2.Core.Events));
            Assert.That(provider.GetRequiredService<EventDestinationService>(), Is.SameAs(client.V2.Core.EventDestinations));
            Assert.That(provider.GetRequiredService<Stripe.Connect.Client.AccountService>(), Is.SameAs(client.Accounts));
        });
    }
}

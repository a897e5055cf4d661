using System.Net;
using RichardSzalay.MockHttp;
using Stripe.Connect.Client.Tests.Support;

namespace Stripe.Connect.Client.Tests.Runtime;

public class ErrorMappingTests
{
    private static async Task<StripeException> FailWith(int status, string body, string contentType = "application/json")
    {
        using var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ =>
        {
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, System.Text.Encoding.UTF8, contentType) };
            response.Headers.TryAddWithoutValidation("Request-Id", "req_err");
            return response;
        });
        using var client = TestClients.Create(mock, o => o.MaxNetworkRetries = 0);
        try
        {
            await client.AccountLinks.CreateAsync(TestClients.LinkRequest());
        }
        catch (StripeException e)
        {
            return e;
        }

        Assert.Fail("the call should have failed");
        throw new InvalidOperationException();
    }

    [TestCase(400, "invalid_request_error", "parameter_missing", typeof(InvalidRequestException))]
    [TestCase(404, "invalid_request_error", "resource_missing", typeof(InvalidRequestException))]
    [TestCase(401, "invalid_request_error", null, typeof(AuthenticationException))]
    [TestCase(403, "invalid_request_error", "secret_key_required", typeof(PermissionException))]
    [TestCase(400, "idempotency_error", null, typeof(IdempotencyException))]
    [TestCase(409, "idempotency_error", null, typeof(IdempotencyException))]
    [TestCase(429, "invalid_request_error", "rate_limit", typeof(RateLimitException))]
    [TestCase(500, "api_error", null, typeof(ApiException))]
    [TestCase(402, "card_error", "card_declined", typeof(CardException))]
    public async Task Stripe_error_bodies_map_to_typed_exceptions(int status, string type, string? code, Type expected)
    {
        var ex = await FailWith(status, TestClients.Error(type, code, "refresh_url", "The parameter is wrong."));

        Assert.That(ex, Is.TypeOf(expected));
        Assert.Multiple(() =>
        {
            Assert.That(ex.HttpStatusCode, Is.EqualTo((HttpStatusCode)status));
            Assert.That(ex.RequestId, Is.EqualTo("req_err"));
            Assert.That(ex.StripeError!.Type, Is.EqualTo(type));
            Assert.That(ex.StripeError.Code, Is.EqualTo(code));
            Assert.That(ex.StripeError.Param, Is.EqualTo("refresh_url"));
            Assert.That(ex.StripeError.Message, Is.EqualTo("The parameter is wrong."));
            Assert.That(ex.StripeError.DocUrl, Is.EqualTo("https://docs.stripe.com/error-codes"));
            Assert.That(ex.StripeError.RequestLogUrl, Does.StartWith("https://dashboard.stripe.com/"));
            Assert.That(ex.Message, Does.Contain("The parameter is wrong.").And.Contain("refresh_url").And.Contain("req_err"));
            Assert.That(ex.RawBody, Does.Contain("\"error\""));
        });
    }

    [Test]
    public async Task Decline_code_is_kept()
    {
        var ex = await FailWith(402, """{"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds","message":"Declined."}}""");

        Assert.That(ex, Is.TypeOf<CardException>());
        Assert.That(ex.StripeError!.DeclineCode, Is.EqualTo("insufficient_funds"));
    }

    [Test]
    public async Task An_html_page_from_a_proxy_gives_a_typed_exception_with_a_snippet()
    {
        var ex = await FailWith(502, "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", "text/html");

        Assert.That(ex, Is.TypeOf<ApiException>());
        Assert.That(ex.HttpStatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(ex.StripeError, Is.Null);
        Assert.That(ex.Message, Does.Contain("HTTP 502").And.Contain("502 Bad Gateway"));
    }

    [Test]
    public async Task An_empty_error_body_gives_a_typed_exception()
    {
        var ex = await FailWith(503, string.Empty);

        Assert.That(ex, Is.TypeOf<ApiException>());
        Assert.That(ex.Message, Does.Contain("HTTP 503").And.Contain("empty body"));
    }

    [Test]
    public async Task An_empty_404_body_is_an_invalid_request()
    {
        var ex = await FailWith(404, string.Empty);

        Assert.That(ex, Is.TypeOf<InvalidRequestException>());
    }

    [Test]
    public async Task Truncated_json_in_an_error_is_treated_as_not_stripe_json()
    {
        var ex = await FailWith(400, """{"error":{"type":"invalid_request_error","mess""");

        Assert.That(ex, Is.TypeOf<InvalidRequestException>());
        Assert.That(ex.StripeError, Is.Null);
        Assert.That(ex.Message, Does.Contain("not Stripe's error JSON"));
    }

    [Test]
    public async Task A_long_snippet_is_cut_and_kept_on_one_line()
    {
        var ex = await FailWith(500, "<html>\n" + new string('x', 5000) + "</html>", "text/html");

        Assert.That(ex.Message, Has.Length.LessThan(400));
        Assert.That(ex.Message, Does.Not.Contain("\n"));
    }
}

using System.Net;

namespace Stripe.Connect.Client.ColdStart;

/// <summary>Answers every request with the same canned 200 JSON body: no sockets, the same for every contender.</summary>
internal sealed class CannedHandler(byte[] body) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        response.Headers.TryAddWithoutValidation("Request-Id", "req_coldstart");
        return Task.FromResult(response);
    }
}

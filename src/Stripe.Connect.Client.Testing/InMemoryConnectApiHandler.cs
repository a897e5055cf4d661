using System.Net;
using System.Text;
using Stripe.Connect.Client.Testing.Internal;

namespace Stripe.Connect.Client.Testing;

/// <summary>
/// An <see cref="HttpMessageHandler"/> that answers requests from an <see cref="InMemoryConnectApi"/> instead of
/// the network. Any host is accepted; only the path, query, body and headers matter.
/// </summary>
public sealed class InMemoryConnectApiHandler : HttpMessageHandler
{
    /// <summary>Creates a handler that serves <paramref name="api"/>.</summary>
    /// <param name="api">The state to serve; several handlers may share it.</param>
    public InMemoryConnectApiHandler(InMemoryConnectApi api)
    {
        ArgumentNullException.ThrowIfNull(api);
        Api = api;
    }

    /// <summary>The API this handler serves.</summary>
    public InMemoryConnectApi Api { get; }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var body = request.Content is null
            ? string.Empty
            : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return Serve(request, body, cancellationToken);
    }

    /// <inheritdoc />
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        string body;
        if (request.Content is null)
        {
            body = string.Empty;
        }
        else
        {
            using var reader = new StreamReader(request.Content.ReadAsStream(cancellationToken), Encoding.UTF8);
            body = reader.ReadToEnd();
        }

        return Serve(request, body, cancellationToken);
    }

    private HttpResponseMessage Serve(HttpRequestMessage request, string body, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        if (!uri.IsAbsoluteUri)
        {
            uri = new Uri(new Uri("https://api.stripe.com"), uri);
        }

        var raw = new RawRequest(
            request.Method.Method.ToUpperInvariant(),
            uri.AbsolutePath,
            uri.Query.TrimStart('?'),
            body,
            request.Headers.Authorization?.ToString() ?? Header(request, "Authorization"),
            Header(request, "Stripe-Account"),
            Header(request, "Idempotency-Key"),
            Header(request, "Stripe-Version"),
            Header(request, "Stripe-Context"));

        var fault = Api.Faults.Take(raw.Path);
        if (fault is { Kind: FaultInjector.FaultKind.Drop })
        {
            if (fault.AfterProcessing)
            {
                Api.Process(raw, connectionDropped: true);
            }
            else
            {
                Api.Record(raw, null);
            }

            throw new HttpRequestException(
                "The connection was closed before a response was received (injected by the in-memory Connect API).",
                new IOException("Connection reset by peer (injected fault)."));
        }

        cancellationToken.ThrowIfCancellationRequested();
        RawResponse response;
        if (fault is not null)
        {
            Api.Record(raw, fault.StatusCode);
            var headers = new List<KeyValuePair<string, string>>
            {
                new("Request-Id", "req_" + ConnectState.RandomText(14)),
                new("Stripe-Version", raw.StripeVersion ?? InMemoryConnectApi.ApiVersion),
            };
            if (fault.StatusCode == 409)
            {
                // Stripe tells clients a lock timeout is safe to retry.
                headers.Add(new("Stripe-Should-Retry", "true"));
            }

            response = new RawResponse(fault.StatusCode, InMemoryConnectApi.FaultBody(fault.StatusCode).ToJsonString(), headers);
        }
        else
        {
            response = Api.Process(raw);
        }

        return ToMessage(response, request);
    }

    private static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    private static HttpResponseMessage ToMessage(RawResponse response, HttpRequestMessage request)
    {
        var message = new HttpResponseMessage((HttpStatusCode)response.StatusCode)
        {
            RequestMessage = request,
            Content = new StringContent(response.Body, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in response.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }
}

using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Stripe.Connect.Client.Form;
using Stripe.Connect.Client.Http;
using Stripe.Connect.Client.Json;

namespace Stripe.Connect.Client;

/// <summary>
/// The base of every service (<c>AccountService</c>, <c>TransferService</c>...). Services are thin: each method
/// checks its arguments, builds the path and hands the call to the client's pipeline. Their methods are
/// virtual, and the protected constructor lets a mocking library subclass them in your tests.
/// </summary>
public abstract partial class ConnectService
{
    private readonly ConnectClient? _client;

    /// <summary>For mocking frameworks and test doubles only: a service made this way cannot send requests.</summary>
    protected ConnectService()
    {
    }

    private protected ConnectService(ConnectClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <summary>The client this service sends its requests through.</summary>
    private protected ConnectClient Client =>
        _client ?? throw new InvalidOperationException("This service was created without a ConnectClient (a test double); override the method you call.");

    /// <summary>Checks an id that goes into the path and returns it escaped as one path segment.</summary>
    private protected static string PathId(string id, string paramName)
    {
        if (id is null)
        {
            throw new ArgumentNullException(paramName, $"The id '{paramName}' is required.");
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException($"The id '{paramName}' must not be empty or white space.", paramName);
        }

        if (id is "." or "..")
        {
            throw new ArgumentException($"The id '{paramName}' is not a valid Stripe id.", paramName);
        }

        return Uri.EscapeDataString(id);
    }

    /// <summary>Reads a v1 result with its generated <paramref name="converter"/>; expanded objects in it go through the v1 JSON context.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="converter">The result's generated converter.</param>
    /// <returns>The reader to send with.</returns>
    private protected static ResponseReader<T> Reader<T>(JsonConverter<T> converter)
        where T : class => ResponseReader<T>.Direct(converter, ConnectJsonContext.Default.Options);

    /// <summary>Reads a result through its source-generated <paramref name="contract"/> (pages, and results without a converter of their own).</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="contract">The result's contract.</param>
    /// <returns>The reader to send with.</returns>
    private protected static ResponseReader<T> Reader<T>(JsonTypeInfo<T> contract)
        where T : class => ResponseReader<T>.Of(contract);

    /// <summary>Sends one request and returns its typed result.</summary>
    private protected Task<T> SendAsync<T>(HttpMethod method, string path, IFormEncodable? parameters, ResponseReader<T> reader, RequestOptions? options, CancellationToken cancellationToken)
        where T : StripeEntity
    {
        var pipeline = Client.Pipeline;
        var prepared = pipeline.Prepare(method, path, fixedPath: null, parameters, options);
        return pipeline.SendAsync(prepared, reader, cancellationToken);
    }

    /// <summary>Sends one request to a path without ids (its parsed URL is kept) and returns its typed result.</summary>
    private protected Task<T> SendAsync<T>(HttpMethod method, ConstantPath path, IFormEncodable? parameters, ResponseReader<T> reader, RequestOptions? options, CancellationToken cancellationToken)
        where T : StripeEntity
    {
        var pipeline = Client.Pipeline;
        var prepared = pipeline.Prepare(method, path.Value, path, parameters, options);
        return pipeline.SendAsync(prepared, reader, cancellationToken);
    }

    /// <summary>Sends one request to a path without ids on another host (OAuth on connect.stripe.com) and returns its typed result.</summary>
    private protected Task<T> SendAsync<T>(HttpMethod method, ConstantPath path, ApiHost host, IFormEncodable? parameters, ResponseReader<T> reader, RequestOptions? options, CancellationToken cancellationToken)
        where T : StripeEntity
    {
        var pipeline = Client.Pipeline;

        // As stripe-node does: a deauthorization that names no client id is sent with the client's configured one.
        if (host == ApiHost.Connect && path.Value == "/oauth/deauthorize" && Client.Options.ClientId is { } clientId
            && parameters is null or OAuthDeauthorizeRequest { ClientId: null })
        {
            parameters = (parameters as OAuthDeauthorizeRequest ?? new OAuthDeauthorizeRequest()) with { ClientId = clientId };
        }

        var prepared = pipeline.Prepare(method, path.Value, path, parameters, options, host);
        return pipeline.SendAsync(prepared, reader, cancellationToken);
    }

    /// <summary>
    /// Walks a list page by page: forward with <c>starting_after</c>, or backward with <c>ending_before</c>
    /// when the request started with it. The next page is fetched only when the caller reaches it.
    /// </summary>
    private protected async IAsyncEnumerable<T> AutoPageAsync<T>(
        string path,
        IFormEncodable? parameters,
        JsonTypeInfo<StripeList<T>> typeInfo,
        RequestOptions? options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class, IHasId
    {
        var pipeline = Client.Pipeline;
        var query = PageQuery.Parse(RequestPreparer.Encode(parameters));
        var cursor = query.EndingBefore ?? query.StartingAfter;
        var backward = query.EndingBefore is not null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var prepared = pipeline.Prepare(HttpMethod.Get, path, fixedPath: null, query.WithCursor(backward, cursor), options);
            var page = await pipeline.SendAsync(prepared, Reader(typeInfo), cancellationToken).ConfigureAwait(false);
            var data = page.Data;
            if (data.Count == 0)
            {
                yield break;
            }

            if (backward)
            {
                // Pages before the cursor come newest first; walk them oldest to newest, moving toward newer objects.
                for (var i = data.Count - 1; i >= 0; i--)
                {
                    yield return data[i];
                }

                cursor = data[0].Id;
            }
            else
            {
                for (var i = 0; i < data.Count; i++)
                {
                    yield return data[i];
                }

                cursor = data[^1].Id;
            }

            if (!page.HasMore)
            {
                yield break;
            }
        }
    }
}

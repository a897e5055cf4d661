using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Stripe.Connect.Client.Form;
using Stripe.Connect.Client.Http;
using Stripe.Connect.Client.Json;

namespace Stripe.Connect.Client;

/// <summary>The v2 calls of a service: JSON bodies, indexed queries, pages that link to the next one.</summary>
public abstract partial class ConnectService
{
    /// <summary>Reads a v2 result with its generated <paramref name="converter"/>, handed the v2 JSON context's options.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="converter">The result's generated converter.</param>
    /// <returns>The reader to send with.</returns>
    private protected static ResponseReader<T> V2Reader<T>(JsonConverter<T> converter)
        where T : class => ResponseReader<T>.Direct(converter, V2.Core.V2CoreJsonContext.Default.Options);

    /// <summary>Sends one v2 request and returns its typed result.</summary>
    private protected Task<T> SendV2Async<T>(HttpMethod method, string path, IFormEncodable? query, IJsonEncodable? body, ResponseReader<T> reader, RequestOptions? options, CancellationToken cancellationToken)
        where T : StripeEntity
    {
        var pipeline = Client.Pipeline;
        var prepared = pipeline.PrepareV2(method, path, null, query, body, options);
        return pipeline.SendAsync(prepared, reader, cancellationToken);
    }

    /// <summary>Sends one v2 request to a path without ids, whose parsed URL is kept between calls.</summary>
    private protected Task<T> SendV2Async<T>(HttpMethod method, ConstantPath path, IFormEncodable? query, IJsonEncodable? body, ResponseReader<T> reader, RequestOptions? options, CancellationToken cancellationToken)
        where T : StripeEntity
    {
        var pipeline = Client.Pipeline;
        var prepared = pipeline.PrepareV2(method, path.Value, path, query, body, options);
        return pipeline.SendAsync(prepared, reader, cancellationToken);
    }

    /// <summary>
    /// Walks a v2 list page by page, following each page's <c>next_page_url</c> (which carries the filters of the first
    /// request) until it is <see langword="null"/>. The next page is fetched only when the caller reaches it.
    /// </summary>
    private protected async IAsyncEnumerable<T> V2AutoPageAsync<T>(
        string path,
        IFormEncodable? query,
        JsonTypeInfo<V2List<T>> typeInfo,
        RequestOptions? options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        var pipeline = Client.Pipeline;
        var prepared = pipeline.PrepareV2(HttpMethod.Get, path, null, query, null, options);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await pipeline.SendAsync(prepared, Reader(typeInfo), cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Data)
            {
                yield return item;
            }

            if (page.NextPageUrl is not { Length: > 0 } next)
            {
                yield break;
            }

            prepared = pipeline.PrepareV2(HttpMethod.Get, V2List<T>.CheckedPageUrl(next, path), null, null, null, options);
        }
    }
}

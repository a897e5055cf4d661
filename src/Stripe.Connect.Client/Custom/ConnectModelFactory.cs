using System.Net;

namespace Stripe.Connect.Client;

/// <summary>The hand-written part of the model factory: the response metadata and pages, which the generator does not describe.</summary>
public static partial class ConnectModelFactory
{
    /// <summary>Builds the metadata of an HTTP response, as the SDK attaches it to every result.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="requestId">Stripe's request id (<c>Request-Id</c>), such as <c>req_123</c>.</param>
    /// <param name="idempotencyKey">The idempotency key the request carried.</param>
    /// <param name="attempts">How many attempts the call took.</param>
    /// <param name="idempotentReplayed">Whether Stripe answered with a stored result (<c>Idempotent-Replayed: true</c>).</param>
    /// <param name="headers">Further response headers.</param>
    /// <returns>The response metadata.</returns>
    public static StripeResponse StripeResponse(
        HttpStatusCode statusCode = HttpStatusCode.OK,
        string? requestId = null,
        string? idempotencyKey = null,
        int attempts = 1,
        bool idempotentReplayed = false,
        IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);

        // HttpResponseHeaders has no public constructor; a message's collection outlives the message (disposing it only
        // disposes its content).
        using var message = new HttpResponseMessage(statusCode);
        foreach (var (name, value) in headers ?? [])
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (requestId is not null)
        {
            message.Headers.TryAddWithoutValidation("Request-Id", requestId);
        }

        if (idempotentReplayed)
        {
            message.Headers.Remove("Idempotent-Replayed");
            message.Headers.TryAddWithoutValidation("Idempotent-Replayed", "true");
        }

        return new StripeResponse(statusCode, message.Headers, requestId, idempotencyKey, attempts);
    }

    /// <summary>Builds one page of a list, as <c>ListAsync</c> returns it.</summary>
    /// <typeparam name="T">The listed record.</typeparam>
    /// <param name="data">The objects on the page.</param>
    /// <param name="hasMore">Whether more objects follow.</param>
    /// <param name="url">The list's API path, such as <c>/v1/accounts</c>.</param>
    /// <param name="stripeResponse">Becomes <see cref="StripeEntity.StripeResponse"/>.</param>
    /// <returns>The page.</returns>
    public static StripeList<T> StripeList<T>(IEnumerable<T>? data = null, bool hasMore = false, string? url = null, StripeResponse? stripeResponse = null)
        where T : class => new() { Data = [.. data ?? []], HasMore = hasMore, Url = url, StripeResponse = stripeResponse };

    /// <summary>Attaches response metadata to a record you built (with an object initializer, say).</summary>
    /// <typeparam name="T">The record.</typeparam>
    /// <param name="entity">The record; it is changed and returned.</param>
    /// <param name="stripeResponse">The metadata, from <see cref="StripeResponse(HttpStatusCode, string?, string?, int, bool, IEnumerable{KeyValuePair{string, string}}?)"/>.</param>
    /// <returns><paramref name="entity"/>.</returns>
    public static T WithResponse<T>(T entity, StripeResponse? stripeResponse)
        where T : StripeEntity
    {
        ArgumentNullException.ThrowIfNull(entity);
        entity.StripeResponse = stripeResponse;
        return entity;
    }
}

namespace Stripe.Connect.Client.Tests.Support;

/// <summary>A handler that never answers until the request is canceled, counting the requests it saw.</summary>
internal sealed class HangingHandler : HttpMessageHandler
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }
}

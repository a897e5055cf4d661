namespace Stripe.Connect.Client.Http;

/// <summary>
/// Raised inside the pipeline when a success body passes <see cref="ConnectAttempt.MaxResponseBytes"/>; the
/// attempt turns it into an <see cref="ApiException"/> that is not retried. Never reaches the caller.
/// </summary>
internal sealed class ResponseTooLargeException : Exception
{
    public ResponseTooLargeException()
        : base("The response body is larger than the SDK reads.")
    {
    }
}

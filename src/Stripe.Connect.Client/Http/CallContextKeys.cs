using Polly;

namespace Stripe.Connect.Client.Http;

/// <summary>
/// What a call's <see cref="ResilienceContext"/> carries besides its attempt count (<see cref="AttemptCounter"/>).
/// Kept out of <see cref="ConnectResilience"/>, whose type a call always loads, so that a call that never needs a
/// context never loads these Polly types either.
/// </summary>
internal static class CallContextKeys
{
    /// <summary>The call's request, for the retry's log line (the attempts get it from their state).</summary>
    public static readonly ResiliencePropertyKey<PreparedRequest> Request = new("Stripe.Connect.Client.Request");
}

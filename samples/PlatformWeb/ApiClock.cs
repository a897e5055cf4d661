namespace PlatformWeb;

/// <summary>
/// The clock the Connect API keeps: the in-memory API's <see cref="TimeProvider"/> offline (a test's fake clock), the
/// system clock against Stripe. Webhook signatures are checked and statuses stamped on it. It is deliberately not
/// registered as the app's <see cref="TimeProvider"/>: the client's retry delays and time-outs stay on real time, so a
/// test that stops the API's clock never stalls a request the browser is waiting for.
/// </summary>
/// <param name="Time">The API's clock.</param>
public sealed record ApiClock(TimeProvider Time);

using System.Net;

namespace Stripe.Connect.Client.Testing;

/// <summary>
/// Makes the next requests fail so a platform can test its retries and error handling: with an error
/// status (a 500, a 429 rate limit, a 409 lock timeout...) or with a dropped connection. Faults are used
/// in the order they were added; each applies to a number of requests, optionally only below a path.
/// Failed requests change no state and leave no idempotency record, so a retry runs normally; a
/// connection dropped <em>after</em> processing is the exception, and lets you test idempotent retries.
/// </summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<Fault> _faults = [];

    /// <summary>How many requests are still set to fail.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _faults.Sum(f => f.Remaining);
            }
        }
    }

    /// <summary>
    /// Answers the next <paramref name="count"/> matching requests with <paramref name="statusCode"/> and a
    /// Stripe-shaped error body: <c>api_error</c> for 5xx, <c>rate_limit</c> for 429, <c>lock_timeout</c> for 409,
    /// <c>invalid_request_error</c> otherwise.
    /// </summary>
    /// <param name="count">How many requests fail.</param>
    /// <param name="statusCode">The status they get; must be 400 or higher.</param>
    /// <param name="path">When set, only requests to this path or below it (for example <c>/v1/transfers</c>) fail.</param>
    public void FailNext(int count, HttpStatusCode statusCode, string? path = null)
    {
        if ((int)statusCode < 400)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "A fault needs an error status (400 or higher).");
        }

        Add(new Fault(FaultKind.Status, (int)statusCode, path, afterProcessing: false) { Remaining = count });
    }

    /// <summary>Answers the next <paramref name="count"/> matching requests with a 409 <c>lock_timeout</c> error, as Stripe does when an object is busy.</summary>
    /// <param name="count">How many requests fail.</param>
    /// <param name="path">When set, only requests to this path or below it fail.</param>
    public void FailNextWithLockTimeout(int count, string? path = null) =>
        Add(new Fault(FaultKind.Status, 409, path, afterProcessing: false) { Remaining = count });

    /// <summary>
    /// Drops the connection of the next <paramref name="count"/> matching requests: the handler throws an
    /// <see cref="HttpRequestException"/> whose inner exception is an <see cref="IOException"/>.
    /// </summary>
    /// <param name="count">How many requests fail.</param>
    /// <param name="path">When set, only requests to this path or below it fail.</param>
    /// <param name="afterProcessing">
    /// When true the request is carried out (and its idempotency key remembered) before the connection drops,
    /// like a response lost on the way back; when false nothing happens on the server side.
    /// </param>
    public void DropNextConnections(int count, string? path = null, bool afterProcessing = false) =>
        Add(new Fault(FaultKind.Drop, 0, path, afterProcessing) { Remaining = count });

    /// <summary>Removes every fault still pending.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    private static void Check(int count, string? path)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (path is not null && !path.StartsWith('/'))
        {
            throw new ArgumentException("A fault path starts with '/', for example /v1/transfers.", nameof(path));
        }
    }

    private void Add(Fault fault)
    {
        Check(fault.Remaining, fault.Path);
        lock (_gate)
        {
            _faults.Add(fault);
        }
    }

    /// <summary>Takes one use of the first fault that applies to <paramref name="path"/>, if any.</summary>
    internal Fault? Take(string path)
    {
        lock (_gate)
        {
            foreach (var fault in _faults)
            {
                if (fault.Remaining > 0 && Matches(fault.Path, path))
                {
                    fault.Remaining--;
                    if (fault.Remaining == 0)
                    {
                        _faults.Remove(fault);
                    }

                    return fault;
                }
            }

            return null;
        }
    }

    private static bool Matches(string? prefix, string path) =>
        prefix is null
        || string.Equals(path, prefix.TrimEnd('/'), StringComparison.Ordinal)
        || path.StartsWith(prefix.TrimEnd('/') + "/", StringComparison.Ordinal);

    internal enum FaultKind
    {
        Status,
        Drop,
    }

    internal sealed class Fault(FaultKind kind, int statusCode, string? path, bool afterProcessing)
    {
        public FaultKind Kind { get; } = kind;

        public int StatusCode { get; } = statusCode;

        public string? Path { get; } = path;

        public bool AfterProcessing { get; } = afterProcessing;

        public int Remaining { get; set; }
    }
}

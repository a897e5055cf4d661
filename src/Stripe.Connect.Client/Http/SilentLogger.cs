using Microsoft.Extensions.Logging;

namespace Stripe.Connect.Client.Http;

/// <summary>
/// The logger of a client created without a logger factory: every level is off. The SDK's own type rather than
/// <c>NullLogger</c>, whose assembly ships without precompiled code, so a fresh process's first call compiles none of it.
/// </summary>
internal sealed class SilentLogger : ILogger
{
    /// <summary>The one instance; it holds no state.</summary>
    public static readonly SilentLogger Instance = new();

    private SilentLogger()
    {
    }

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => false;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
    }
}

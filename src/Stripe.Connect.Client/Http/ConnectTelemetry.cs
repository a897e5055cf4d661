using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Stripe.Connect.Client.Http;

/// <summary>The activity source and meter of the SDK, both named <c>Stripe.Connect.Client</c>.</summary>
internal static class ConnectTelemetry
{
    public const string Name = "Stripe.Connect.Client";

    public const string Version = SdkVersion.Value;

    public static readonly ActivitySource Source = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    /// <summary>Attempts sent, tagged with method and status.</summary>
    public static readonly Counter<long> Requests = Meter.CreateCounter<long>("stripe.client.requests", "{request}", "HTTP attempts sent to the Stripe API.");

    /// <summary>Retries scheduled after a failed attempt.</summary>
    public static readonly Counter<long> Retries = Meter.CreateCounter<long>("stripe.client.retries", "{retry}", "Attempts retried after a retryable failure.");

    /// <summary>Duration of whole calls, retries included.</summary>
    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("stripe.client.request.duration", "s", "Duration of Stripe API calls, retries included.");
}

using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Stripe.Connect.Client.ColdStart;

/// <summary>
/// Collects the names of the methods the JIT compiles (the runtime's MethodJittingStarted events), so
/// <c>--jit NAME</c> can show where a contender's first-call time goes.
/// </summary>
internal sealed class JitListener : EventListener
{
    private const EventKeywords JitKeyword = (EventKeywords)0x10;
    private const int MethodJittingStarted = 145;

    public ConcurrentQueue<string> Methods { get; } = new();

    public bool Recording { get; set; }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, JitKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (Recording && eventData.EventId == MethodJittingStarted && eventData.Payload is { Count: > 5 } payload)
        {
            Methods.Enqueue($"{payload[4]}::{payload[5]}");
        }
    }
}

using System.Diagnostics;

namespace Stripe.Connect.Client.Tests.Support;

/// <summary>Records every activity of the SDK's <c>Stripe.Connect.Client</c> source that stops while it listens.</summary>
internal sealed class ActivityCapture : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly List<Activity> _stopped = [];

    public ActivityCapture()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Stripe.Connect.Client",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (_stopped)
                {
                    _stopped.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>A snapshot of the activities stopped so far.</summary>
    public List<Activity> Stopped
    {
        get
        {
            lock (_stopped)
            {
                return [.. _stopped];
            }
        }
    }

    /// <summary>Every tag as <c>key=value</c>, plus each activity's status description and display name.</summary>
    public List<string> Texts => Stopped.SelectMany(a => a.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(a.StatusDescription ?? string.Empty).Append(a.DisplayName)).ToList();

    public void Dispose() => _listener.Dispose();
}

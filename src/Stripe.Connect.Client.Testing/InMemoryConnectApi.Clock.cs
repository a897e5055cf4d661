namespace Stripe.Connect.Client.Testing;

/// <summary>Runs what is due on the clock and sends the webhook deliveries that are due, outside the lock.</summary>
public sealed partial class InMemoryConnectApi
{
    /// <summary>
    /// Runs the jobs whose time has come, starts the deliveries that are due, and sets the timer for the next one.
    /// Called after every request and helper, and by the timer (a <c>FakeTimeProvider</c> fires it inside <c>Advance</c>).
    /// </summary>
    private void Pump()
    {
        List<Internal.ConnectState.DeliveryRequest> due;
        lock (_gate)
        {
            _state.Tick();
            due = _state.TakeDueDeliveries();
            Rearm();
        }

        foreach (var delivery in due)
        {
            Webhooks.Started();
            _ = DeliverAsync(delivery);
        }
    }

    private void Rearm()
    {
        if (_state.NextDue is { } next)
        {
            var wait = next - TimeProvider.GetUtcNow();
            _timer.Change(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task DeliverAsync(Internal.ConnectState.DeliveryRequest delivery)
    {
        try
        {
            var at = TimeProvider.GetUtcNow();
            var job = delivery.Job;
            var (status, error) = await Webhooks.SendAsync(job.EndpointId, delivery.Url, delivery.Secret, job.EventId, delivery.EventType, delivery.Payload, job.Attempt).ConfigureAwait(false);
            DateTimeOffset? next;
            lock (_gate)
            {
                next = _state.CompleteDelivery(delivery, status is >= 200 and < 300);
                Rearm();
            }

            Webhooks.Record(new WebhookDeliveryAttempt(job.EndpointId, delivery.Url, job.EventId, delivery.EventType, job.Attempt, at, status, error, next));
        }
        finally
        {
            Webhooks.Finished();
        }
    }
}

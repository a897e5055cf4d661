namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>
/// Work that happens on the fake's clock: pending funds becoming available, payouts moving on, verification
/// results, webhook retries. Jobs run when their time has come, either when a request arrives or when the timer
/// of <see cref="InMemoryConnectApi"/> fires (a <c>FakeTimeProvider</c> fires it inside <c>Advance</c>).
/// </summary>
internal sealed partial class ConnectState
{
    private readonly List<ScheduledJob> _jobs = [];

    /// <summary>The earliest time some job is due, or null when nothing is scheduled.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            DateTimeOffset? next = _jobs.Count == 0 ? null : _jobs.Min(j => j.At);
            if (NextDeliveryDue is { } delivery && (next is null || delivery < next))
            {
                next = delivery;
            }

            return next;
        }
    }

    /// <summary>Runs <paramref name="run"/> once the clock reaches <paramref name="at"/>.</summary>
    public void Schedule(DateTimeOffset at, Action run) => _jobs.Add(new ScheduledJob(at, NextSequence(), run));

    /// <summary>Runs every job whose time has come, oldest first; a job may schedule more.</summary>
    public void RunDue()
    {
        var now = _time.GetUtcNow();
        while (true)
        {
            ScheduledJob? due = null;
            foreach (var job in _jobs)
            {
                if (job.At <= now && (due is null || job.At < due.At || (job.At == due.At && job.Order < due.Order)))
                {
                    due = job;
                }
            }

            if (due is null)
            {
                return;
            }

            _jobs.Remove(due);
            due.Run();
        }
    }

    private sealed record ScheduledJob(DateTimeOffset At, long Order, Action Run);
}

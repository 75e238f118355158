namespace WebexConnector.Tests.TestSupport;

/// <summary>
/// Real time, but every timer (retry waits, per-attempt timeouts, the action deadline) runs
/// <see cref="Factor"/> times faster, so retry tests take milliseconds instead of seconds.
/// </summary>
internal sealed class ScaledTimeProvider(double factor) : TimeProvider
{
    public double Factor { get; } = factor;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, Scale(dueTime), Scale(period));

    private TimeSpan Scale(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : span / Factor;
}

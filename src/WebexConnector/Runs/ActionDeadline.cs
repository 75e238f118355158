namespace WebexConnector.Runs;

/// <summary>
/// The per-action time limit (<see cref="ConnectorRunner.ActionTimeLimit"/>), as a clock that stops while the action
/// waits for a person: that wait has its own bound (<c>auth_timeout_seconds</c>) and is not the action's work. The
/// dispatcher opens one per action result; it flows to the authorization flows with the async context.
/// </summary>
internal sealed class ActionDeadline : IDisposable
{
    private static readonly AsyncLocal<ActionDeadline?> CurrentDeadline = new();
    private readonly CancellationTokenSource _source;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private TimeSpan _remaining;
    private long _runningSince;
    private int _personWaits;
    private bool _disposed;

    public ActionDeadline(TimeSpan limit, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        Limit = limit;
        _time = time;
        _remaining = limit;
        _runningSince = time.GetTimestamp();
        _source = new CancellationTokenSource(limit, time);
    }

    /// <summary>The deadline of the action running in this async context, if any.</summary>
    public static ActionDeadline? Current => CurrentDeadline.Value;

    public TimeSpan Limit { get; }

    /// <summary>Cancelled when the action has worked (not counting waits for a person) for <see cref="Limit"/>.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Makes <paramref name="deadline"/> current for the calling async flow (and what it starts); <c>null</c> leaves none.</summary>
    public static void Enter(ActionDeadline? deadline) => CurrentDeadline.Value = deadline;

    /// <summary>
    /// Stops the clock until the returned scope is disposed; for the wait for a person to authorize, which is bounded
    /// by <c>auth_timeout_seconds</c> instead. Outside an action (no <see cref="Current"/>) it does nothing.
    /// </summary>
    public static IDisposable WaitForPerson() => Current is { } deadline ? deadline.Pause() : NoScope.Instance;

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _source.Dispose();
        }
    }

    private PersonWait Pause()
    {
        lock (_gate)
        {
            if (_personWaits++ == 0 && !_disposed)
            {
                _remaining -= _time.GetElapsedTime(_runningSince);
                _source.CancelAfter(Timeout.InfiniteTimeSpan);
            }
        }

        return new PersonWait(this);
    }

    private void Resume()
    {
        lock (_gate)
        {
            if (--_personWaits == 0 && !_disposed)
            {
                _runningSince = _time.GetTimestamp();
                _source.CancelAfter(_remaining > TimeSpan.Zero ? _remaining : TimeSpan.Zero);
            }
        }
    }

    private sealed class PersonWait(ActionDeadline deadline) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                deadline.Resume();
            }
        }
    }

    private sealed class NoScope : IDisposable
    {
        public static readonly NoScope Instance = new();

        public void Dispose()
        {
        }
    }
}

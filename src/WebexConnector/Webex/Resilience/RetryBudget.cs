namespace WebexConnector.Webex.Resilience;

/// <summary>
/// How long one action may spend waiting between retries in all (120 s), shared by every request the action
/// makes. The dispatcher opens one per action result; it flows to the HTTP pipeline with the async context.
/// </summary>
internal sealed class RetryBudget
{
    public static readonly TimeSpan PerAction = TimeSpan.FromSeconds(120);

    private static readonly AsyncLocal<RetryBudget?> CurrentBudget = new();
    private readonly Lock _gate = new();

    public RetryBudget(TimeSpan total) => Remaining = total;

    /// <summary>The budget of the action running in this async context, if any.</summary>
    public static RetryBudget? Current => CurrentBudget.Value;

    public TimeSpan Remaining { get; private set; }

    /// <summary>Retries this budget paid for so far, and how long they waited in all: for an honest message.</summary>
    public int Retries { get; private set; }

    public TimeSpan Waited { get; private set; }

    /// <summary>Makes <paramref name="budget"/> current for the calling async flow (and what it starts).</summary>
    public static void Enter(RetryBudget budget) => CurrentBudget.Value = budget;

    /// <summary>Takes <paramref name="wait"/> from the budget; <c>false</c> (and nothing taken) when it does not fit.</summary>
    public bool TryReserve(TimeSpan wait)
    {
        lock (_gate)
        {
            if (wait > Remaining)
            {
                return false;
            }

            Remaining -= wait;
            Waited += wait;
            Retries++;
            return true;
        }
    }
}

using System.Globalization;

namespace WebexConnector.Runs;

/// <summary>
/// What a person watching stderr reads while an action is quiet: one line per wait before a retry and, when
/// <see cref="ConnectorRunnerOptions.ReportListingProgress"/> is set, a long listing's pages as they arrive (at most
/// one line a second). The dispatcher opens one per action result; it flows with the async context, as
/// <see cref="Webex.Resilience.RetryBudget"/> does.
/// </summary>
internal sealed class ActionProgress(TextWriter writer, bool reportListings, TimeProvider time)
{
    private static readonly TimeSpan ListingInterval = TimeSpan.FromSeconds(1);
    private static readonly AsyncLocal<ActionProgress?> CurrentProgress = new();
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastListingLine;

    /// <summary>The progress of the action running in this async context, if any.</summary>
    public static ActionProgress? Current => CurrentProgress.Value;

    /// <summary>Makes <paramref name="progress"/> current for the calling async flow (and what it starts).</summary>
    public static void Enter(ActionProgress? progress) => CurrentProgress.Value = progress;

    /// <summary>e.g. <c>webex-connector: GET /v1/rooms got HTTP 429; retry 1 in 60 s.</c></summary>
    public void RetryWaiting(string request, string outcome, int retry, TimeSpan wait) =>
        Write(string.Create(CultureInfo.InvariantCulture, $"webex-connector: {request} got {outcome}; retry {retry} in {Seconds(wait)} s."));

    /// <summary>A listing read one more page; reported from the second page on, when asked for.</summary>
    public void ListingPageRead(int pages, int items)
    {
        if (!reportListings || pages < 2)
        {
            return;
        }

        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_lastListingLine is { } last && now - last < ListingInterval)
            {
                return;
            }

            _lastListingLine = now;
        }

        Write(string.Create(CultureInfo.InvariantCulture, $"webex-connector: listing: {pages:N0} pages, {items:N0} items so far."));
    }

    private static string Seconds(TimeSpan wait) =>
        wait.TotalSeconds >= 10 ? wait.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) : wait.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);

    private void Write(string line)
    {
        lock (_gate)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }
}

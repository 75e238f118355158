using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Time.Testing;

namespace WebexConnector.Cli.Tests.Infrastructure;

/// <summary>
/// The CLI's clock in tests that wait (Retry-After, backoff, timeouts, the retry budget): a <see cref="FakeTimeProvider"/>
/// that moves on only while the run is idle, so a 60 s wait takes milliseconds and is measured exactly.
/// <para>
/// While a run is in progress, every millisecond of real time the clock moves by <see cref="Step"/>, but only when no
/// request is on its way (the CLI's HTTP clients count theirs, see <see cref="Track"/>) except those the fake server
/// holds in a canned delay (<c>requestsHeldByServer</c>), and <c>serverIsQuiet</c> says it handles none: a per-attempt
/// timeout fires because a canned delay (which runs on this clock) outlasts it, never because the test machine is slow.
/// </para>
/// </summary>
public sealed class VirtualClock(Func<bool> serverIsQuiet, Func<int> requestsHeldByServer)
{
    /// <summary>How far a run may move the clock before it stops moving (a runaway wait).</summary>
    public static readonly TimeSpan MaxAdvance = TimeSpan.FromHours(2);

    private int _requestsInFlight;

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public TimeSpan Step { get; init; } = TimeSpan.FromMilliseconds(500);

    private bool IsIdle => Volatile.Read(ref _requestsInFlight) <= requestsHeldByServer() && serverIsQuiet();

    /// <summary>Counts the requests of every HTTP client of a run (innermost handler, next to the socket).</summary>
    public void Track(IServiceCollection services) =>
        services.ConfigureAll<HttpClientFactoryOptions>(options =>
            options.HttpMessageHandlerBuilderActions.Add(builder => builder.AdditionalHandlers.Add(new InFlightCounter(this))));

    /// <summary>Moves the clock while <paramref name="run"/> is in progress; bounded in virtual time.</summary>
    public async Task DriveAsync(Task run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var advanced = TimeSpan.Zero;
        while (!run.IsCompleted && advanced < MaxAdvance)
        {
            await Task.WhenAny(run, Task.Delay(1));
            if (!run.IsCompleted && IsIdle)
            {
                Time.Advance(Step);
                advanced += Step;
            }
        }
    }

    private sealed class InFlightCounter(VirtualClock clock) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref clock._requestsInFlight);
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref clock._requestsInFlight);
            }
        }
    }
}

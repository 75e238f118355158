namespace WebexConnector.Cli.Tests;

/// <summary>
/// The per-action rate-limit budget (contract section 6): inherently about two minutes long, so this fixture is
/// ordered first and runs beside the rest of the suite instead of after it.
/// </summary>
[Order(0)]
[Parallelizable(ParallelScope.All)]
public sealed class RetryBudgetTests : CliTestBase
{
    /// <summary>
    /// A 429 that never stops, with a Retry-After far beyond the 60 s cap: each wait is capped at 60 s and all
    /// waits of the action at 120 s, so the action gives up after two waits (about 120 s: the slowest test).
    /// </summary>
    [Test]
    [Category("Slow")]
    public async Task ListRooms_429NeverStopsWithLongRetryAfter_FailsWithinTheRetryBudget()
    {
        var retryAfter = new Dictionary<string, string> { ["Retry-After"] = "600" };
        for (var i = 0; i < 10; i++)
        {
            Server.EnqueueWebexError("/v1/rooms", 429, "Too many requests.", "ROUTER_RATE_FOREVER", retryAfter, method: "GET");
        }

        var started = DateTimeOffset.UtcNow;
        var result = await Cli.RunAsync(["list-rooms", "--asset", WriteAsset()], timeout: TimeSpan.FromSeconds(200));
        var elapsed = DateTimeOffset.UtcNow - started;

        var message = AssertActionFailed(result);
        var calls = Server.RequestsTo("GET", "/v1/rooms");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.Contain("429"));
            Assert.That(message, Does.Contain("ROUTER_RATE_FOREVER"), "the tracking id");
            Assert.That(message, Does.Contain("rate").IgnoreCase, "says it was rate-limited");
            Assert.That(calls, Has.Count.EqualTo(3), () => "two waits of 60 s fill the 120 s budget: " + Server.DescribeRequests());
            Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(150)), "bounded by the 120 s budget, not 10 x 600 s");
            for (var i = 1; i < calls.Count; i++)
            {
                Assert.That((calls[i].ReceivedAt - calls[i - 1].ReceivedAt), Is.InRange(TimeSpan.FromSeconds(59), TimeSpan.FromSeconds(70)), $"wait {i} is capped at 60 s");
            }
        }
    }
}

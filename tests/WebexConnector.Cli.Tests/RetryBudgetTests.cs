namespace WebexConnector.Cli.Tests;

/// <summary>The per-action retry budget (README "Retries, timeouts, cancellation"), on a virtual clock.</summary>
public sealed class RetryBudgetTests : CliTestBase
{
    /// <summary>
    /// A 429 that never stops, with a Retry-After far beyond the 60 s cap: each wait is capped at 60 s and all
    /// waits of the action at 120 s, so the action gives up after two waits, saying so on stderr as it waits.
    /// </summary>
    [Test]
    public async Task ListRooms_429NeverStopsWithLongRetryAfter_FailsWithinTheRetryBudget()
    {
        UseVirtualTime();
        var retryAfter = new Dictionary<string, string> { ["Retry-After"] = "600" };
        for (var i = 0; i < 10; i++)
        {
            Server.EnqueueWebexError("/v1/rooms", 429, "Too many requests.", "ROUTER_RATE_FOREVER", retryAfter, method: "GET");
        }

        var result = await Cli.RunAsync(["list-rooms", "--asset", WriteAsset()]);

        var message = AssertActionFailed(result);
        var calls = Server.RequestsTo("GET", "/v1/rooms");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.Contain("429"));
            Assert.That(message, Does.Contain("ROUTER_RATE_FOREVER"), "the tracking id");
            Assert.That(message, Does.Contain("rate").IgnoreCase, "says it was rate-limited");
            Assert.That(message, Does.Contain("retried 2 times, waiting 120 s in all"), "says how often and how long it waited");
            Assert.That(calls, Has.Count.EqualTo(3), () => "two waits of 60 s fill the 120 s budget: " + Server.DescribeRequests());
            for (var i = 1; i < calls.Count; i++)
            {
                Assert.That(calls[i].ReceivedAt - calls[i - 1].ReceivedAt, Is.InRange(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(61)), $"wait {i} is capped at 60 s");
            }

            Assert.That(result.Stderr, Does.Contain("GET /v1/rooms got HTTP 429; retry 1 in 60 s."), "one progress line per wait");
            Assert.That(result.Stderr, Does.Contain("retry 2 in 60 s."));
            Assert.That(result.Stderr, Does.Not.Contain("retry 3"), "no third wait: the budget is spent");
        }
    }
}

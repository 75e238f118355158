using System.Globalization;
using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>
/// Talking to Webex (README "Retries, timeouts, cancellation"): fault injection on the fake server, counting requests
/// and delivered messages. The CLI and the server's delays run on a virtual clock, so waits are exact and instant.
/// </summary>
public sealed class ResilienceTests : CliTestBase
{
    private const string RoomId = "Y2lzY29zcGFyazovL3VzL1JPT00vcmVzaWxpZW5jZS1yb29t";
    private const string MayOrMayNot = "may or may not have been delivered";

    private static readonly Dictionary<string, string> RetryAfterOne = new() { ["Retry-After"] = "1" };

    private const string HtmlBadGateway =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n\t<center><h1>502 Bad Gateway</h1></center>\u0007\u001b[31m\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    private VirtualClock _clock = null!;

    [SetUp]
    public void UseVirtualClock() => _clock = UseVirtualTime();

    private string AssetWithTimeout(double timeoutSeconds)
    {
        var config = PatConfig();
        config["timeout_seconds"] = timeoutSeconds;
        return WriteAsset(config);
    }

    private Task<CliResult> SendAsync(string asset, string text, TimeSpan? timeout = null) =>
        Cli.RunAsync(["send-message", "--asset", asset, "--endpoint-id", RoomId, "--destination-type", "room", "--message", text], timeout: timeout);

    private static TimeSpan Gap(IReadOnlyList<RecordedRequest> requests, int index) =>
        requests[index].ReceivedAt - requests[index - 1].ReceivedAt;

    private static void AssertSingleLine(string message)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.Any(char.IsControl), Is.False, () => $"no control characters (newlines, tabs, escapes) in the message: {Visible(message)}");
            Assert.That(message, Has.Length.LessThan(600), "a short excerpt, not the whole body");
        }
    }

    private static string Visible(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{((int)c).ToString("x4", CultureInfo.InvariantCulture)}" : c.ToString()));

    // ------------------------------------------------------------------ 429

    [TestCase(429)]
    [TestCase(423)]
    public async Task ListRooms_RefusalWithRetryAfterOne_RetriesOnceAfterTheWaitAndSucceeds(int status)
    {
        var rooms = Server.AddRooms(3);
        Server.EnqueueWebexError("/v1/rooms", status, "Too many requests.", "ROUTER_RATE_1", RetryAfterOne, method: "GET");

        var result = await RunOperatorAsync("list-rooms");

        AssertSucceeded(result);
        var calls = Server.RequestsTo("GET", "/v1/rooms");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls, Has.Count.EqualTo(2), Server.DescribeRequests);
            Assert.That(calls.Count == 2 ? Gap(calls, 1) : TimeSpan.Zero, Is.InRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5)), "waited Retry-After: 1");
            Assert.That(Ids(result.ActionResult()["data"]), Is.EqualTo(rooms.Select(r => Str(r["id"])).ToList()));
        }
    }

    [Test]
    public async Task SendMessage_429ThenSuccess_RetriesAndDeliversExactlyOneMessage()
    {
        Server.EnqueueWebexError("/v1/messages", 429, "Too many requests.", "ROUTER_RATE_2", RetryAfterOne, method: "POST");

        var result = await SendAsync(WriteAsset(), "exactly once please");

        AssertSucceeded(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.RequestsTo("POST", "/v1/messages"), Has.Count.EqualTo(2), () => "a 429 is a refusal, so a POST is retried: " + Server.DescribeRequests());
            Assert.That(Server.Messages, Has.Count.EqualTo(1), "exactly one message delivered");
            Assert.That(Str(result.ActionResult()["data"]?[0]?["id"]), Is.EqualTo(Str(Server.Messages.Single()["id"])));
        }
    }

    [Test]
    public async Task ListRooms_429WithRetryAfterHttpDate_WaitsUntilThatTimeAndSucceeds()
    {
        Server.AddRooms(1);
        var until = _clock.Time.GetUtcNow().AddSeconds(3);
        var headers = new Dictionary<string, string> { ["Retry-After"] = until.ToString("R", CultureInfo.InvariantCulture) };
        Server.EnqueueWebexError("/v1/rooms", 429, "Too many requests.", "ROUTER_RATE_DATE", headers, method: "GET");

        var result = await RunOperatorAsync("list-rooms");

        AssertSucceeded(result);
        var calls = Server.RequestsTo("GET", "/v1/rooms");
        Assert.That(calls, Has.Count.EqualTo(2), Server.DescribeRequests);
        Assert.That(calls[1].ReceivedAt, Is.GreaterThanOrEqualTo(until.AddSeconds(-1.1)), "waited until the Retry-After date (second precision)");
        Assert.That(Gap(calls, 1), Is.LessThan(TimeSpan.FromSeconds(15)), "the date was used, not the 15 s default");
    }

    [Test]
    public async Task ListRooms_429WithoutRetryAfter_WaitsFifteenSecondsThenSucceeds()
    {
        Server.AddRooms(1);
        Server.EnqueueWebexError("/v1/rooms", 429, "Too many requests.", "ROUTER_RATE_3", method: "GET");

        var result = await RunOperatorAsync("list-rooms");

        AssertSucceeded(result);
        var calls = Server.RequestsTo("GET", "/v1/rooms");
        Assert.That(calls, Has.Count.EqualTo(2), Server.DescribeRequests);
        Assert.That(Gap(calls, 1), Is.InRange(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15.5)), "the 15 s default wait");
        Assert.That(result.Stderr, Does.Contain("GET /v1/rooms got HTTP 429; retry 1 in 15 s."), "the wait is announced on stderr");
    }

    // ------------------------------------------------------------------ 5xx

    [TestCase(502)]
    [TestCase(503)]
    [TestCase(504)]
    public async Task TestConnectivity_GatewayErrorOnce_RetriedAfterBackoffAndSucceeds(int status)
    {
        Server.EnqueueWebexError("/v1/people/me", status, "Service unavailable.", "ROUTER_5XX_GET", method: "GET");

        var result = await RunOperatorAsync("test-connectivity");

        AssertSucceeded(result);
        var calls = Server.RequestsTo("GET", "/v1/people/me");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls, Has.Count.EqualTo(2), Server.DescribeRequests);
            Assert.That(calls.Count == 2 ? Gap(calls, 1) : TimeSpan.Zero, Is.InRange(TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5)), "a backoff of about 1 s");
        }
    }

    [Test]
    public async Task SendMessage_503_PostsOnceAndSaysItMayOrMayNotHaveBeenDelivered()
    {
        Server.EnqueueWebexError("/v1/messages", 503, "Service unavailable.", "ROUTER_503_POST", method: "POST");

        var result = await SendAsync(WriteAsset(), "do not send twice");

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.RequestsTo("POST", "/v1/messages"), Has.Count.EqualTo(1), () => "a POST is never retried after a 5xx: " + Server.DescribeRequests());
            Assert.That(message, Does.StartWith("Error sending message."));
            Assert.That(message, Does.Contain("Status code: 503"));
            Assert.That(message, Does.Contain("ROUTER_503_POST"));
            Assert.That(message, Does.Contain(MayOrMayNot));
            Assert.That(Server.PendingResponses, Is.Zero);
        }
    }

    [Test]
    public async Task SendMessage_503WithEmptyBody_FailsWithStatusAndClearText()
    {
        Server.Enqueue("/v1/messages", status: 503, body: null, contentType: null, method: "POST");

        var result = await SendAsync(WriteAsset(), "empty answer");

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.Contain("Status code: 503"));
            Assert.That(message, Does.Contain("empty").IgnoreCase, "says the body was empty");
            Assert.That(message, Does.Contain(MayOrMayNot));
            Assert.That(Server.RequestsTo("POST", "/v1/messages"), Has.Count.EqualTo(1), Server.DescribeRequests);
        }

        AssertSingleLine(message);
    }

    [Test]
    public async Task GetUser_HtmlBadGatewayEveryTime_FailsAfterThreeRetriesWithSanitized502()
    {
        for (var i = 0; i < 5; i++)
        {
            Server.Enqueue("/v1/people", status: 502, body: HtmlBadGateway, contentType: "text/html", method: "GET");
        }

        var result = await RunOperatorAsync("get-user", "--email-address", "alice@example.com");

        var message = AssertActionFailed(result);
        var calls = Server.RequestsTo("GET", "/v1/people");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.Contain("502"));
            Assert.That(calls, Has.Count.EqualTo(4), () => "the first try and at most three retries: " + Server.DescribeRequests());
            Assert.That(Server.PendingResponses, Is.EqualTo(1), "the fifth 502 was never asked for");
            Assert.That(message, Does.Contain("Bad Gateway"), "a short excerpt of the body");
        }

        AssertSingleLine(message);
        Assert.That(calls, Has.Count.EqualTo(4));
        using (Assert.EnterMultipleScope())
        {
            // 1 s, 2 s, 4 s, each stretched by jitter of up to half again.
            Assert.That(Gap(calls, 1), Is.InRange(TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(3)), "first backoff about 1 s");
            Assert.That(Gap(calls, 2), Is.InRange(TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(5)), "second backoff about 2 s");
            Assert.That(Gap(calls, 3), Is.InRange(TimeSpan.FromSeconds(3.9), TimeSpan.FromSeconds(8)), "third backoff about 4 s");
        }
    }

    // ------------------------------------------------------------------ timeouts

    [Test]
    public async Task GetUser_NoAnswerWithinTimeout_RetriedThenFailsWithTimeoutMessage()
    {
        for (var i = 0; i < 5; i++)
        {
            Server.Enqueue("/v1/people", status: 200, body: "{\"items\":[]}", delay: TimeSpan.FromSeconds(6), method: "GET");
        }

        var result = await Cli.RunAsync("get-user", "--asset", AssetWithTimeout(1), "--email-address", "slow@example.com");

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.RequestsTo("GET", "/v1/people"), Has.Count.EqualTo(4), () => "a timed-out GET is retried at most three times: " + Server.DescribeRequests());
            Assert.That(message, Does.Contain("timeout").IgnoreCase.Or.Contain("did not answer").IgnoreCase, "says Webex did not answer in time");
            Assert.That(message, Does.Not.Contain(MayOrMayNot), "a GET changes nothing");
        }
    }

    [Test]
    public async Task SendMessage_NoAnswerWithinTimeout_PostsOnceAndSaysItMayOrMayNotHaveBeenDelivered()
    {
        Server.Enqueue("/v1/messages", status: 200, body: "{}", delay: TimeSpan.FromSeconds(6), method: "POST");

        var result = await SendAsync(AssetWithTimeout(1), "slow post");

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.RequestsTo("POST", "/v1/messages"), Has.Count.EqualTo(1), () => "a POST is never retried after a timeout: " + Server.DescribeRequests());
            Assert.That(message, Does.Contain(MayOrMayNot));
            Assert.That(message, Does.Contain("timeout").IgnoreCase.Or.Contain("did not answer").IgnoreCase, "says Webex did not answer in time");
        }
    }

    // ------------------------------------------------------------------ answers that are not what was expected

    [Test]
    public async Task ListRooms_TruncatedJsonInSecondPage_FailsWithClearMessage()
    {
        var link = new Dictionary<string, string> { ["Link"] = $"<{Server.BaseUrl}/rooms?cursor=page2&max=1000>; rel=\"next\"" };
        Server.Enqueue("/v1/rooms", status: 200, body: "{\"items\":[{\"id\":\"Y2lzY29zcGFyazovL3VzL1JPT00vMQ\",\"title\":\"one\"}]}", headers: link, method: "GET");
        Server.Enqueue("/v1/rooms", status: 200, body: "{\"items\":[{\"id\":\"Y2lzY29zcGFyazovL3VzL1JPT00vMg\",\"ti", method: "GET");

        var result = await RunOperatorAsync("list-rooms");

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.Contain("JSON"), "says the answer was not valid JSON");
            Assert.That(message, Does.Contain("200"), "names the status code");
            Assert.That(Server.RequestsTo("GET", "/v1/rooms"), Has.Count.EqualTo(2), Server.DescribeRequests);
        }

        AssertSingleLine(message);
    }

    [Test]
    public async Task ListRooms_TruncatedJsonInFirstPage_FailsWithClearMessage()
    {
        Server.Enqueue("/v1/rooms", status: 200, body: "{\"items\":[{\"id\":\"abc\"", method: "GET");

        var result = await RunOperatorAsync("list-rooms");

        var message = AssertActionFailed(result);
        Assert.That(message, Does.Contain("JSON"));
        AssertSingleLine(message);
    }

    [TestCase("{\"rooms\":[]}")]
    [TestCase("{}")]
    [TestCase("{\"items\":null}")]
    [TestCase("[]")]
    public async Task ListRooms_PageWithoutItems_FailsSayingItemsIsMissing(string body)
    {
        Server.Enqueue("/v1/rooms", status: 200, body: body, method: "GET");

        var result = await RunOperatorAsync("list-rooms");

        var message = AssertActionFailed(result);
        Assert.That(message, Does.Contain("items").Or.Contain("JSON"), "says what is wrong with the page");
        AssertSingleLine(message);
    }

    [Test]
    public async Task ListRooms_LinkHeaderWithSeveralLinksOddSpacingAndQuoting_FollowsOnlyNext()
    {
        var rooms = Server.AddRooms(5);
        Server.RoomsPageSizeCap = 2;
        Server.RoomsLinkHeader = next =>
            $"<{Server.BaseUrl}/rooms?cursor=bogus-prev>;rel=\"prev\",   <{next}>  ;  REL = \"next\"  ; title=\"page, two; <b>\" ,<{Server.BaseUrl}/rooms?cursor=bogus-last>; rel=last";

        var result = await RunOperatorAsync("list-rooms");

        AssertSucceeded(result);
        var calls = Server.RequestsTo("GET", "/v1/rooms");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Ids(result.ActionResult()["data"]), Is.EqualTo(rooms.Select(r => Str(r["id"])).ToList()));
            Assert.That(calls, Has.Count.EqualTo(3), Server.DescribeRequests);
            Assert.That(calls.Any(c => (c.QueryValue("cursor") ?? "").StartsWith("bogus", StringComparison.Ordinal)), Is.False, "only rel=next is followed");
        }
    }

    [Test]
    public async Task ListRooms_NextLinkToAnotherHost_NotFollowedAndFailsClearly()
    {
        await using var otherHost = await FakeWebexServer.StartAsync(Pat);
        otherHost.AddRooms(3);
        Server.AddRooms(3);
        Server.RoomsPageSizeCap = 1;
        Server.RoomsLinkHeader = next => $"<{next.Replace(Server.BaseUrl, otherHost.BaseUrl, StringComparison.Ordinal)}>; rel=\"next\"";

        var result = await RunOperatorAsync("list-rooms");

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(otherHost.Requests, Is.Empty, () => "the token must not travel to another host: " + otherHost.DescribeRequests());
            Assert.That(message, Does.Contain("another host").Or.Contain("other host"), "says why the link was not followed");
            Assert.That(Server.RequestsTo("GET", "/v1/rooms"), Has.Count.EqualTo(1), Server.DescribeRequests);
        }

        AssertSingleLine(message);
    }

    // ------------------------------------------------------------------ cancellation

    [Test]
    public async Task SendMessage_SigtermDuringSlowPost_PrintsFailedCancelledDocumentAndExitsOne()
    {
        Server.Enqueue("/v1/messages", status: 200, body: "{}", delay: TimeSpan.FromSeconds(40), method: "POST");
        var asset = WriteAsset();

        await using var process = Cli.Start(["send-message", "--asset", asset, "--endpoint-id", RoomId, "--destination-type", "room", "--message", "slow"]);
        var arrived = false;
        for (var i = 0; i < 300 && !arrived && !process.HasExited; i++)
        {
            arrived = Server.RequestsTo("POST", "/v1/messages").Count > 0;
            if (!arrived)
            {
                await Task.Delay(100);
            }
        }

        Assert.That(arrived, Is.True, () => "the POST reached the server: " + Server.DescribeRequests());
        await process.SendSigtermAsync();
        var result = await process.WaitForExitAsync(TimeSpan.FromSeconds(30));

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.Contain("cancelled").IgnoreCase, "says the action was cancelled");
            Assert.That(Str(result.JsonObject()["identifier"]), Is.EqualTo("send_message"));
            Assert.That(Server.RequestsTo("POST", "/v1/messages"), Has.Count.EqualTo(1), Server.DescribeRequests);
            Assert.That(result.ActionResult()["parameter"] is JsonObject, Is.True, "the parameter echo is still there");
        }
    }
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>
/// A Webex (or something posing as it) that answers badly on purpose: the connector stays bounded, says plainly
/// what happened, and never shows a secret or a stack trace.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class HostileServerTests : CliTestBase
{
    [Test]
    public async Task ListRooms_NewCursorEveryPageWithTheSameItems_StopsAtTheSecondPageAndFails()
    {
        var pages = 0;
        Server.Handle("GET", "/v1/rooms", _ =>
        {
            var page = Interlocked.Increment(ref pages).ToString(CultureInfo.InvariantCulture);
            var items = new JsonArray(new JsonObject { ["id"] = "room-a", ["title"] = "A" }, new JsonObject { ["id"] = "room-b", ["title"] = "B" });
            return new FakeResponse(
                200,
                new JsonObject { ["items"] = items }.ToJsonString(),
                Headers: new Dictionary<string, string> { ["Link"] = $"<{Server.BaseUrl}/rooms?cursor={page}>; rel=\"next\"" });
        });

        var result = await RunOperatorAsync("list-rooms");

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.Contain("Error listing rooms").And.Contain("only items it had already sent"));
            Assert.That(Server.RequestsTo("GET", "/v1/rooms"), Has.Count.EqualTo(2), "no page after the one that brought nothing new");
        }
    }

    [Test]
    public async Task ListRooms_LimitAboveTheListingBound_FailsNamingTheBoundWithoutARequest()
    {
        var result = await RunOperatorAsync("list-rooms", "--limit", "250001");

        Assert.That(AssertActionFailed(result), Does.Contain("'limit' must be at most 250,000"));
        AssertNoRequests();
    }

    [Test]
    public async Task ListRooms_ErrorBodyEndsWithThePatAcrossTheExcerptsCut_ShowsNoPartOfIt()
    {
        Server.Enqueue("/v1/rooms", new FakeResponse(400, new JsonObject { ["message"] = new string('x', 190) + Pat }.ToJsonString()));

        var result = await RunOperatorAsync("list-rooms");

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.Contain("Status code: 400"));
            Assert.That(result.Stdout + result.Stderr, Does.Not.Contain(Pat[..8]), "not even the PAT's first characters");
        }
    }

    [Test]
    public async Task UpdateRoom_ConnectionDroppedAfterThePut_PutsOnceAndSaysTheOutcomeIsUncertain()
    {
        var room = Server.AddRooms(1)[0];
        var path = $"/v1/rooms/{Str(room["id"])}";
        Server.Enqueue(path, FakeResponse.Dropped, method: "PUT");

        var result = await RunOperatorAsync("update-room", "--room-id", Str(room["id"])!, "--title", "renamed");

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.RequestsTo("PUT", path), Has.Count.EqualTo(1), () => "a PUT that may have reached Webex is never re-sent: " + Server.DescribeRequests());
            Assert.That(message, Does.Contain("may or may not have been updated"));
        }
    }

    [Test]
    public async Task RemoveMembership_ConnectionDroppedAfterTheDelete_DeletesOnceAndSaysTheOutcomeIsUncertain()
    {
        const string path = "/v1/memberships/Y2lzY29zcGFyazovL3VzL01FTUJFUlNISVAvZHJvcHBlZA";
        Server.Enqueue(path, FakeResponse.Dropped, method: "DELETE");

        var result = await RunOperatorAsync("remove-membership", "--membership-id", "Y2lzY29zcGFyazovL3VzL01FTUJFUlNISVAvZHJvcHBlZA");

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.RequestsTo("DELETE", path), Has.Count.EqualTo(1), () => "a DELETE that may have reached Webex is never re-sent: " + Server.DescribeRequests());
            Assert.That(message, Does.Contain("may or may not have been removed"));
        }
    }

    [Test]
    public async Task ListRooms_RateLimitedWithoutEnd_SaysHowOftenItRetriedAndWhy()
    {
        for (var i = 0; i < 25; i++)
        {
            Server.Enqueue("/v1/rooms", new FakeResponse(
                429, FakeWebexServer.WebexErrorBody("Too many requests.", "ROUTER_429"), Headers: new Dictionary<string, string> { ["Retry-After"] = "0" }));
        }

        var result = await RunOperatorAsync("list-rooms");

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.RequestsTo("GET", "/v1/rooms"), Has.Count.EqualTo(21), "the request and its 20 retries");
            Assert.That(message, Does.Contain("retried 20 times, waiting 0 s in all, and gave up: it retries one request at most 20 times"));
            Assert.That(message, Does.Not.Contain("waited as long as it may"));
        }
    }

    [Test]
    public async Task ListRooms_AnswerOver64MiB_SaysSoInPlainWordsWithoutRetrying()
    {
        var huge = "{\"items\": [], \"padding\": \"" + new string('x', 65 * 1024 * 1024) + "\"}";
        Server.Handle("GET", "/v1/rooms", _ => new FakeResponse(200, huge));

        var result = await RunOperatorAsync("list-rooms");

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.Contain("Webex's answer is larger than 64 MiB"));
            Assert.That(message, Does.Not.Contain("buffer"));
            Assert.That(Server.RequestsTo("GET", "/v1/rooms"), Has.Count.EqualTo(1), () => "the same request would bring the same answer: " + Server.DescribeRequests() + result.Describe());
        }
    }
}

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
}

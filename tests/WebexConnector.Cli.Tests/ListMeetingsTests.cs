using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>list_meetings: pages of at most 100 via Link, limit, the spec's filters as query parameters.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class ListMeetingsTests : CliTestBase
{
    private const string RoomId = "Y2lzY29zcGFyazovL3VzL1JPT00vaW5jaWRlbnQtcm9vbQ";
    private static readonly string[] FilterQueryKeys = ["max", "from", "to", "state", "hasRecording", "hostEmail"];

    [Test]
    public async Task ListMeetings_ThreePages_ReturnsEveryMeetingWithPagesOf100()
    {
        var meetings = Server.AddMeetings(250);

        var result = await RunOperatorAsync("list-meetings");

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        var calls = Server.RequestsTo("GET", "/v1/meetings");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls, Has.Count.EqualTo(3), Server.DescribeRequests);
            Assert.That(calls.Count > 0 ? calls[0].QueryValue("max") : null, Is.EqualTo("100"), "Webex's largest page for meetings");
            Assert.That(calls.Skip(1).Select(c => c.QueryValue("cursor")), Has.All.Not.Null, "later requests follow the Link header");
            Assert.That(Ids(actionResult["data"]), Is.EqualTo(meetings.Select(m => Str(m["id"])).ToList()));
            AssertJsonEqual(actionResult["data"]?[0], meetings[0], "the first meeting, unchanged");
            Assert.That(actionResult["summary"]?["total_meetings"]?.GetValue<int>(), Is.EqualTo(250));
            Assert.That(Str(actionResult["message"]), Is.EqualTo("Total meetings: 250"));
        }
    }

    [Test]
    public async Task ListMeetings_LimitOnTheSecondPage_StopsAtTheLimit()
    {
        var meetings = Server.AddMeetings(250);

        var result = await RunDocumentAsync(RunDocument("list_meetings", new JsonObject { ["limit"] = "120" }));

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.RequestsTo("GET", "/v1/meetings"), Has.Count.EqualTo(2), Server.DescribeRequests);
            Assert.That(Ids(actionResult["data"]), Is.EqualTo(meetings.Take(120).Select(m => Str(m["id"])).ToList()));
            Assert.That(actionResult["summary"]?["total_meetings"]?.GetValue<int>(), Is.EqualTo(120));
        }
    }

    [Test]
    public async Task ListMeetings_LimitFive_AsksForFive()
    {
        Server.AddMeetings(20);

        var result = await RunOperatorAsync("list-meetings", "--limit", "5");

        AssertSucceeded(result);
        Assert.That(Server.RequestsTo("GET", "/v1/meetings").Single().QueryValue("max"), Is.EqualTo("5"));
        Assert.That(result.ActionResult()["data"] as JsonArray, Has.Count.EqualTo(5));
    }

    [Test]
    public async Task ListMeetings_Filters_AreSentAsSpecQueryParametersAndFilter()
    {
        var all = Server.AddMeetings(5, state: "ended", hasRecording: true);
        Server.AddMeetings(3, state: "ended");
        Server.AddMeetings(2, state: "active", hasRecording: true);

        var result = await RunOperatorAsync("list-meetings", "--state", "ended", "--has-recording", "--from", "2024-01-16T00:00:00Z",
            "--to", "2024-01-19T00:00:00Z", "--host-email", "erin.operator@example.com");

        AssertSucceeded(result);
        var call = Server.RequestsTo("GET", "/v1/meetings").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(call.Query.Keys, Is.EquivalentTo(FilterQueryKeys));
            Assert.That(call.QueryValue("hasRecording"), Is.EqualTo("true"));
            Assert.That(Ids(result.ActionResult()["data"]), Is.EqualTo(all.Skip(1).Take(3).Select(m => Str(m["id"])).ToList()));
        }
    }

    [Test]
    public async Task ListMeetings_RoomId_ListsThatRoomsMeetings()
    {
        var inRoom = Server.AddMeetings(2, roomId: RoomId);
        Server.AddMeetings(2);

        var result = await RunOperatorAsync("list-meetings", "--room-id", RoomId);

        AssertSucceeded(result);
        Assert.That(Ids(result.ActionResult()["data"]), Is.EqualTo(inRoom.Select(m => Str(m["id"])).ToList()));
    }

    [Test]
    public async Task ListMeetings_FromAfterTo_FailsWithoutRequest()
    {
        var result = await RunOperatorAsync("list-meetings", "--from", "2024-01-19T00:00:00Z", "--to", "2024-01-16T00:00:00Z");

        Assert.That(AssertActionFailed(result), Does.Contain("'to' must be at or after 'from'"));
        AssertNoRequests();
    }
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>list_messages: newest first, Link pagination, limit, filters, the 100 cap with mentionedPeople, validation, errors.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class ListMessagesTests : CliTestBase
{
    private const string RoomId = "Y2lzY29zcGFyazovL3VzL1JPT00vaW5jaWRlbnQtcm9vbQ";
    private const string OtherRoomId = "Y2lzY29zcGFyazovL3VzL1JPT00vb3RoZXItcm9vbQ";
    private static readonly string[] BeforeQueryKeys = ["roomId", "before", "beforeMessage", "max"];

    private Task<CliResult> ListAsync(params string[] extra) =>
        RunOperatorAsync("list-messages", ["--room-id", RoomId, .. extra]);

    private static List<string?> NewestFirst(IEnumerable<JsonObject> messages) =>
        [.. messages.Reverse().Select(m => Str(m["id"]))];

    [Test]
    public async Task ListMessages_ThreePages_ReturnsEveryMessageOfTheRoomNewestFirst()
    {
        var messages = Server.AddMessages(RoomId, 2100);
        Server.AddMessages(OtherRoomId, 3);

        var result = await ListAsync();

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        var calls = Server.RequestsTo("GET", "/v1/messages");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls, Has.Count.EqualTo(3), Server.DescribeRequests);
            Assert.That(calls.Count > 0 ? calls[0].QueryValue("max") : null, Is.EqualTo("1000"), "the first request asks for the largest page");
            Assert.That(calls.Select(c => c.QueryValue("roomId")), Has.All.EqualTo(RoomId));
            Assert.That(calls.Skip(1).Select(c => c.QueryValue("beforeMessage")), Has.All.Not.Null, "later requests follow the Link header's next URL");
            Assert.That(calls.Select(c => c.Header("Authorization")), Has.All.EqualTo($"Bearer {Pat}"));
            Assert.That(Ids(actionResult["data"]), Is.EqualTo(NewestFirst(messages)), "every message of the room, newest first");
            Assert.That(actionResult["summary"]?["total_messages"]?.GetValue<int>(), Is.EqualTo(2100));
            Assert.That(Str(actionResult["message"]), Is.EqualTo("Total messages: 2100"));
        }
    }

    [Test]
    public async Task ListMessages_LimitFive_ReturnsTheFiveNewestWithOneRequest()
    {
        var messages = Server.AddMessages(RoomId, 1200);

        var result = await ListAsync("--limit", "5");

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        var calls = Server.RequestsTo("GET", "/v1/messages");
        Assert.That(calls, Has.Count.EqualTo(1), Server.DescribeRequests);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls[0].QueryValue("max"), Is.EqualTo("5"));
            Assert.That(Ids(actionResult["data"]), Is.EqualTo(NewestFirst(messages).Take(5).ToList()));
            Assert.That(Str(actionResult["message"]), Is.EqualTo("Total messages: 5"));
        }
    }

    [Test]
    public async Task ListMessages_LimitReachedOnSecondPage_StopsAtTheLimit()
    {
        var messages = Server.AddMessages(RoomId, 2500);

        var result = await ListAsync("--limit", "1500");

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.RequestsTo("GET", "/v1/messages"), Has.Count.EqualTo(2), Server.DescribeRequests);
            Assert.That(Ids(actionResult["data"]), Is.EqualTo(NewestFirst(messages).Take(1500).ToList()));
            Assert.That(actionResult["summary"]?["total_messages"]?.GetValue<int>(), Is.EqualTo(1500));
        }
    }

    [Test]
    public async Task ListMessages_MentionedPeople_AsksForPagesOf100AndReturnsOnlyMentions()
    {
        var mentions = new List<JsonObject>();
        for (var i = 0; i < 250; i++)
        {
            Server.AddMessage(RoomId, "chatter");
            mentions.Add(Server.AddMessage(RoomId, "@Erin please look", mentionsMe: true));
        }

        var result = await ListAsync("--mentioned-people", "me");

        AssertSucceeded(result);
        var calls = Server.RequestsTo("GET", "/v1/messages");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls, Has.Count.EqualTo(3), Server.DescribeRequests);
            Assert.That(calls.Count > 0 ? calls[0].QueryValue("max") : null, Is.EqualTo("100"), "Webex refuses more than 100 with mentionedPeople");
            Assert.That(calls.Select(c => c.QueryValue("mentionedPeople")), Has.All.EqualTo("me"));
            Assert.That(Ids(result.ActionResult()["data"]), Is.EqualTo(NewestFirst(mentions)));
        }
    }

    [Test]
    public async Task ListMessages_ParentId_ReturnsOnlyTheThreadsReplies()
    {
        var parent = Server.AddMessage(RoomId, "Suspicious login on host-42");
        Server.AddMessage(RoomId, "unrelated");
        var first = Server.AddMessage(RoomId, "looking", parentId: Str(parent["id"]));
        var second = Server.AddMessage(RoomId, "isolated", parentId: Str(parent["id"]));

        var result = await ListAsync("--parent-id", Str(parent["id"])!);

        AssertSucceeded(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.RequestsTo("GET", "/v1/messages").Single().QueryValue("parentId"), Is.EqualTo(Str(parent["id"])));
            Assert.That(Ids(result.ActionResult()["data"]), Is.EqualTo(new[] { Str(second["id"]), Str(first["id"]) }));
        }
    }

    [Test]
    public async Task ListMessages_BeforeAndBeforeMessage_ArriveAsWebexQueryParametersAndFilter()
    {
        var messages = Server.AddMessages(RoomId, 10);
        var before = DateTimeOffset.Parse(Str(messages[7]["created"])!, CultureInfo.InvariantCulture).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        var result = await ListAsync("--before", before, "--before-message", Str(messages[5]["id"])!);

        AssertSucceeded(result);
        var call = Server.RequestsTo("GET", "/v1/messages").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(call.QueryValue("before"), Is.EqualTo(before), "sent as given");
            Assert.That(call.QueryValue("beforeMessage"), Is.EqualTo(Str(messages[5]["id"])));
            Assert.That(call.Query.Keys, Is.EquivalentTo(BeforeQueryKeys));
            Assert.That(Ids(result.ActionResult()["data"]), Is.EqualTo(NewestFirst(messages.Take(5))));
        }
    }

    [Test]
    public async Task ListMessages_RunDocument_ListsWithLimitAndEchoesParameters()
    {
        var messages = Server.AddMessages(RoomId, 4);
        var doc = RunDocument("list_messages", new JsonObject { ["room_id"] = RoomId, ["limit"] = 3 });

        var result = await RunDocumentAsync(doc);

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Ids(actionResult["data"]), Is.EqualTo(NewestFirst(messages).Take(3).ToList()));
            AssertJsonEqual(actionResult["data"]?[0], messages[3], "the newest message, unchanged");
            AssertJsonEqual(actionResult["parameter"], new JsonObject { ["room_id"] = RoomId, ["limit"] = 3 }, "the echoed parameters");
            Assert.That(actionResult["summary"]?["total_messages"]?.GetValue<int>(), Is.EqualTo(3));
        }
    }

    [Test]
    public async Task ListMessages_EmptyRoom_SucceedsWithZeroTotal()
    {
        Server.AddMessageRoom(RoomId);

        var result = await ListAsync();

        AssertSucceeded(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ActionResult()["data"], Is.InstanceOf<JsonArray>().And.Empty);
            Assert.That(Str(result.ActionResult()["message"]), Is.EqualTo("Total messages: 0"));
        }
    }

    [Test]
    public async Task ListMessages_UnknownRoom_ReportsWebexStatusMessageAndTrackingId()
    {
        var result = await ListAsync();

        var message = AssertActionFailed(result);
        Assert.That(message, Is.EqualTo(
            $"Error listing messages. Status code: 404. Details: Could not find a room with provided ID. Tracking ID: {Server.LastTrackingId}"));
    }

    [TestCase("--before", "yesterday", "before")]
    [TestCase("--before", "2026-01-31 08:00", "before")]
    [TestCase("--limit", "0", "limit")]
    [TestCase("--limit", "many", "limit")]
    public async Task ListMessages_InvalidParameter_FailsNamingItWithoutRequest(string option, string value, string name)
    {
        var result = await ListAsync(option, value);

        var message = AssertActionFailed(result);
        Assert.That(message, NamesParameter(name));
        AssertNoRequests();
    }

    [Test]
    public async Task ListMessages_BeforeNotATimestampInRunDocument_FailsNamingBeforeWithoutRequest()
    {
        var doc = RunDocument("list_messages", new JsonObject { ["room_id"] = RoomId, ["before"] = 1700000000 });

        var result = await RunDocumentAsync(doc);

        var message = AssertActionFailed(result);
        Assert.That(message, Does.Contain("'before'"));
        AssertNoRequests();
    }
}

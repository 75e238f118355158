using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>create_room: request body, spec rules checked before sending, Webex errors, no retry of a POST after a 5xx.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class CreateRoomTests : CliTestBase
{
    private const string TeamId = "Y2lzY29zcGFyazovL3VzL1RFQU0vc29jLXRlYW0";
    private const string ClassificationId = "Y2lzY29zcGFyazovL3VzL0NMQVNTSUZJQ0FUSU9OL2ludGVybmFs";
    private static readonly string[] ParameterNames = ["title", "team_id", "classification_id", "is_locked", "is_public", "description", "is_announcement_only"];
    private static readonly string[] CreateAndListRequests = ["POST /v1/rooms", "GET /v1/rooms?max=1000"];

    private Task<CliResult> CreateAsync(string title, params string[] extra) =>
        RunOperatorAsync("create-room", ["--title", title, .. extra]);

    private JsonNode? SinglePostBody()
    {
        var posts = Server.RequestsTo("POST", "/v1/rooms");
        Assert.That(posts, Has.Count.EqualTo(1), Server.DescribeRequests);
        return posts[0].BodyJson();
    }

    [Test]
    public async Task CreateRoom_TitleOnly_PostsTheTitleAndReturnsTheCreatedRoom()
    {
        var result = await CreateAsync("Incident 4711 - Phishing wave");

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        AssertJsonEqual(SinglePostBody(), new JsonObject { ["title"] = "Incident 4711 - Phishing wave" }, "the POST /rooms body");
        Assert.That(Server.Rooms, Has.Count.EqualTo(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.RequestsTo("POST", "/v1/rooms")[0].Header("Authorization"), Is.EqualTo($"Bearer {Pat}"));
            Assert.That(Str(actionResult["message"]), Is.EqualTo("Room created"));
            Assert.That(actionResult["data"] as JsonArray, Has.Count.EqualTo(1));
            AssertJsonEqual(actionResult["data"]?[0], Server.Rooms[0], "data[0] (the created room)");
            AssertJsonEqual(actionResult["summary"], new JsonObject(), "the summary");
        }
    }

    [Test]
    public async Task CreateRoom_EveryOption_PostsTheSpecFields()
    {
        var result = await CreateAsync(
            "SOC war room",
            "--team-id", TeamId,
            "--classification-id", ClassificationId,
            "--is-locked",
            "--is-public",
            "--description", "Coordination of incident 4711",
            "--is-announcement-only");

        AssertSucceeded(result);
        AssertJsonEqual(
            SinglePostBody(),
            new JsonObject
            {
                ["title"] = "SOC war room",
                ["teamId"] = TeamId,
                ["classificationId"] = ClassificationId,
                ["isLocked"] = true,
                ["isPublic"] = true,
                ["description"] = "Coordination of incident 4711",
                ["isAnnouncementOnly"] = true,
            },
            "the POST /rooms body");
        var room = Server.Rooms.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(room["isLocked"]?.GetValue<bool>(), Is.True);
            Assert.That(room["isAnnouncementOnly"]?.GetValue<bool>(), Is.True);
            Assert.That(Str(room["teamId"]), Is.EqualTo(TeamId));
        }
    }

    [Test]
    public async Task CreateRoom_FlagsGivenAsFalse_SendsFalse()
    {
        var result = await CreateAsync("Quiet room", "--is-locked", "false", "--is-public=false");

        AssertSucceeded(result);
        AssertJsonEqual(SinglePostBody(), new JsonObject { ["title"] = "Quiet room", ["isLocked"] = false, ["isPublic"] = false }, "the POST /rooms body");
        AssertJsonEqual(
            result.ActionResult()["parameter"],
            new JsonObject { ["title"] = "Quiet room", ["is_locked"] = false, ["is_public"] = false },
            "the echoed parameters");
    }

    [Test]
    public async Task CreateRoom_RunDocument_CreatesARoomThatListRoomsThenReturns()
    {
        var doc = RunDocument("create_room", new JsonObject { ["title"] = "Incident 4712", ["is_locked"] = "true" });

        var created = await RunDocumentAsync(doc);

        AssertSucceeded(created);
        var room = created.ActionResult()["data"]?[0];
        var listed = await RunOperatorAsync("list-rooms");
        AssertSucceeded(listed);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(created.ActionResult()["message"]), Is.EqualTo("Room created"));
            Assert.That(Str(room?["title"]), Is.EqualTo("Incident 4712"));
            Assert.That(room?["isLocked"]?.GetValue<bool>(), Is.True);
            Assert.That(Ids(listed.ActionResult()["data"]), Is.EqualTo(new List<string?> { Str(room?["id"]) }));
            Assert.That(Server.Requests.Select(r => r.ToString()), Is.EqualTo(CreateAndListRequests));
        }
    }

    [Test]
    public async Task CreateRoom_AnnouncementOnlyWithoutLock_FailsNamingItWithoutRequest()
    {
        var result = await CreateAsync("Announcements", "--is-announcement-only");

        var message = AssertActionFailed(result);
        Assert.That(message, Is.EqualTo("Parameter 'is_announcement_only' needs is_locked true: Webex puts a space into announcement mode only when it is locked."));
        AssertNoRequests();
    }

    [Test]
    public async Task CreateRoom_PublicWithoutDescriptionInRunDocument_FailsNamingIsPublicWithoutRequest()
    {
        var doc = RunDocument("create_room", new JsonObject { ["title"] = "Open room", ["is_public"] = true, ["description"] = "" });

        var result = await RunDocumentAsync(doc);

        var message = AssertActionFailed(result);
        Assert.That(message, Does.StartWith("Parameter 'is_public' needs a description"));
        AssertNoRequests();
    }

    [Test]
    public async Task CreateRoom_FlagNotBooleanInRunDocument_FailsNamingItWithoutRequest()
    {
        var doc = RunDocument("create_room", new JsonObject { ["title"] = "x", ["is_locked"] = "maybe" });

        var result = await RunDocumentAsync(doc);

        var message = AssertActionFailed(result);
        Assert.That(message, Does.Contain("'is_locked'"));
        AssertNoRequests();
    }

    [Test]
    public async Task CreateRoom_WebexRejects_ReportsStatusDetailsAndTrackingId()
    {
        Server.EnqueueWebexError("/v1/rooms", 400, "Unknown team.", "ROUTER_TEAM", method: "POST");

        var result = await CreateAsync("x", "--team-id", "Y2lzY29zcGFyazovL3VzL1RFQU0vbm9uZQ");

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Is.EqualTo("Error creating room. Status code: 400. Details: Unknown team. Tracking ID: ROUTER_TEAM"));
            Assert.That(Server.RequestsTo("POST", "/v1/rooms"), Has.Count.EqualTo(1), Server.DescribeRequests);
        }
    }

    [Test]
    public async Task Actions_CreateRoom_IsAGenericActionThatChangesWebexAndNeedsRoomsWrite()
    {
        var result = await Cli.RunAsync("actions");

        AssertExitCode(result, 0);
        var action = (result.JsonObject()["actions"] as JsonArray)?.FirstOrDefault(a => Str(a?["identifier"]) == "create_room");
        Assert.That(action, Is.Not.Null, result.Describe);
        var parameters = action!["parameters"] as JsonObject;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(action["action"]), Is.EqualTo("create a room"));
            Assert.That(Str(action["type"]), Is.EqualTo("generic"));
            Assert.That(action["read_only"]?.GetValue<bool>(), Is.False);
            AssertJsonEqual(action["required_scopes"], new JsonArray("spark:rooms_write"), "required_scopes");
            Assert.That(parameters?.Select(p => p.Key), Is.EqualTo(ParameterNames));
            Assert.That(parameters?["title"]?["required"]?.GetValue<bool>(), Is.True);
            Assert.That(Str(parameters?["is_locked"]?["data_type"]), Is.EqualTo("boolean"));
        }

        AssertNoRequests();
    }
}

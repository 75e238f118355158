using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>
/// update_room: the room is read first and every setting not given is sent unchanged (the fake resets a flag a PUT
/// leaves out), spec rules, unknown rooms, escaped ids, no retry of a PUT after a 5xx.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class UpdateRoomTests : CliTestBase
{
    private const string RoomId = "Y2lzY29zcGFyazovL3VzL1JPT00vc29jLXdhci1yb29t";
    private const string RoomPath = "/v1/rooms/" + RoomId;
    private const string TeamId = "Y2lzY29zcGFyazovL3VzL1RFQU0vc29jLXRlYW0";
    private const string ClassificationId = "Y2lzY29zcGFyazovL3VzL0NMQVNTSUZJQ0FUSU9OL2ludGVybmFs";
    private static readonly string[] GetThenPut = ["GET", "PUT"];
    private static readonly string[] GetOnly = ["GET"];

    /// <summary>A locked, public room in a team, with a classification and a description.</summary>
    private JsonObject AddWarRoom(string id = RoomId)
    {
        var room = new JsonObject
        {
            ["id"] = id,
            ["title"] = "SOC war room",
            ["type"] = "group",
            ["isLocked"] = true,
            ["teamId"] = TeamId,
            ["lastActivity"] = "2024-01-15T09:30:00.000Z",
            ["creatorId"] = Str(Server.Me["id"]),
            ["created"] = "2024-01-15T09:00:00.000Z",
            ["ownerId"] = "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9lMmUtb3Jn",
            ["classificationId"] = ClassificationId,
            ["isAnnouncementOnly"] = false,
            ["isReadOnly"] = false,
            ["isPublic"] = true,
            ["madePublic"] = "2024-01-15T09:10:00.000Z",
            ["description"] = "Coordination of incident 4711",
        };
        Server.AddRoom(room);
        return room;
    }

    private Task<CliResult> UpdateAsync(string roomId, string title, params string[] extra) =>
        RunOperatorAsync("update-room", ["--room-id", roomId, "--title", title, .. extra]);

    private JsonObject StoredRoom(string id = RoomId) => Server.Rooms.Single(r => Str(r["id"]) == id);

    [Test]
    public async Task UpdateRoom_TitleOnly_ChangesTheTitleAndKeepsEverySetting()
    {
        var before = AddWarRoom();

        var result = await UpdateAsync(RoomId, "SOC war room - incident 4711");

        AssertSucceeded(result);
        var expected = (JsonObject)before.DeepClone();
        expected["title"] = "SOC war room - incident 4711";
        var puts = Server.RequestsTo("PUT", RoomPath);
        Assert.That(puts, Has.Count.EqualTo(1), Server.DescribeRequests);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.Requests.Select(r => r.Method), Is.EqualTo(GetThenPut), Server.DescribeRequests);
            AssertJsonEqual(
                puts[0].BodyJson(),
                new JsonObject
                {
                    ["title"] = "SOC war room - incident 4711",
                    ["classificationId"] = ClassificationId,
                    ["teamId"] = TeamId,
                    ["isLocked"] = true,
                    ["isPublic"] = true,
                    ["description"] = "Coordination of incident 4711",
                    ["isAnnouncementOnly"] = false,
                    ["isReadOnly"] = false,
                },
                "the PUT body");
            AssertJsonEqual(StoredRoom(), expected, "the room after the update");
            AssertJsonEqual(result.ActionResult()["data"]?[0], expected, "data[0] (the updated room)");
            Assert.That(Str(result.ActionResult()["message"]), Is.EqualTo("Room updated"));
            Assert.That(Server.Requests.Select(r => r.Header("Authorization")), Has.All.EqualTo($"Bearer {Pat}"));
        }
    }

    [Test]
    public async Task UpdateRoom_IsLockedFalseAndIsPublicFalse_UnlockAndMakePrivate()
    {
        AddWarRoom();

        var result = await UpdateAsync(RoomId, "SOC war room", "--is-locked", "false", "--is-public=false");

        AssertSucceeded(result);
        var room = StoredRoom();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(room["isLocked"]?.GetValue<bool>(), Is.False);
            Assert.That(room["isPublic"]?.GetValue<bool>(), Is.False);
            Assert.That(Str(room["description"]), Is.EqualTo("Coordination of incident 4711"), "kept");
            Assert.That(Str(room["classificationId"]), Is.EqualTo(ClassificationId), "kept");
        }
    }

    [Test]
    public async Task UpdateRoom_RunDocumentOnACreatedRoom_PutsItIntoAnnouncementModeAndListRoomsShowsIt()
    {
        var created = await RunOperatorAsync("create-room", "--title", "Incident 4712");
        AssertSucceeded(created);
        var id = Str(created.ActionResult()["data"]?[0]?["id"]);
        Assert.That(id, Is.Not.Null.And.Not.Empty);

        var doc = RunDocument("update_room", new JsonObject
        {
            ["room_id"] = id,
            ["title"] = "Incident 4712 - announcements",
            ["is_locked"] = true,
            ["is_announcement_only"] = "true",
        });
        var updated = await RunDocumentAsync(doc);

        AssertSucceeded(updated);
        var listed = await RunOperatorAsync("list-rooms");
        AssertSucceeded(listed);
        var room = listed.ActionResult()["data"]?[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(updated.ActionResult()["message"]), Is.EqualTo("Room updated"));
            Assert.That(Ids(listed.ActionResult()["data"]), Is.EqualTo(new List<string?> { id }));
            Assert.That(Str(room?["title"]), Is.EqualTo("Incident 4712 - announcements"));
            Assert.That(room?["isLocked"]?.GetValue<bool>(), Is.True);
            Assert.That(room?["isAnnouncementOnly"]?.GetValue<bool>(), Is.True);
        }
    }

    [TestCase("incident/4711?x=1", TestName = "UpdateRoom_RoomIdWithSlashAndQuestionMark_StaysOnePathSegment")]
    [TestCase("../people/me", TestName = "UpdateRoom_RoomIdWithDotDotSlash_StaysOnePathSegment")]
    public async Task UpdateRoom_RoomIdWithReservedCharacters_StaysOnePathSegment(string roomId)
    {
        AddWarRoom(roomId);

        var result = await UpdateAsync(roomId, "renamed");

        AssertSucceeded(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(StoredRoom(roomId)["title"]), Is.EqualTo("renamed"));
            Assert.That(Server.Requests.Select(r => r.QueryString), Has.All.Empty, Server.DescribeRequests);
            Assert.That(Server.Requests.Select(r => r.Path), Has.All.StartWith("/v1/rooms/").And.All.Contains("%2F"), Server.DescribeRequests);
        }
    }

    [Test]
    public async Task UpdateRoom_UnknownRoom_Fails404WithoutPut()
    {
        AddWarRoom();

        var result = await UpdateAsync("Y2lzY29zcGFyazovL3VzL1JPT00vdW5rbm93bg", "x");

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Is.EqualTo(
                $"Error updating room. Status code: 404. Details: The requested resource could not be found. Tracking ID: {Server.LastTrackingId}"));
            Assert.That(Server.Requests.Select(r => r.Method), Is.EqualTo(GetOnly), Server.DescribeRequests);
        }
    }

    [Test]
    public async Task UpdateRoom_ReadAnswers503Once_RetriesTheGetAndUpdates()
    {
        AddWarRoom();
        Server.EnqueueWebexError(RoomPath, 503, "Service Unavailable", "ROUTER_503", method: "GET");

        var result = await UpdateAsync(RoomId, "renamed");

        AssertSucceeded(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.RequestsTo("GET", RoomPath), Has.Count.EqualTo(2), Server.DescribeRequests);
            Assert.That(Server.RequestsTo("PUT", RoomPath), Has.Count.EqualTo(1), Server.DescribeRequests);
            Assert.That(StoredRoom()["isLocked"]?.GetValue<bool>(), Is.True, "the settings were read from the successful GET");
        }
    }

    [Test]
    public async Task UpdateRoom_WebexRejectsThePut_ReportsStatusDetailsAndTrackingId()
    {
        AddWarRoom();
        Server.EnqueueWebexError(RoomPath, 403, "Only a compliance officer can make a space public.", "ROUTER_PUT", method: "PUT");

        var result = await UpdateAsync(RoomId, "x");

        var message = AssertActionFailed(result);
        Assert.That(message, Does.StartWith(
            "Error updating room. Status code: 403. Details: Only a compliance officer can make a space public. Tracking ID: ROUTER_PUT"
            + " This action needs the scopes spark:rooms_read, spark:rooms_write:"));
    }

    [TestCase("..")]
    [TestCase(".")]
    public async Task UpdateRoom_DotSegmentRoomId_FailsNamingRoomIdWithoutRequest(string roomId)
    {
        var result = await RunOperatorAsync("update-room", "--room-id", roomId, "--title", "x");

        var message = AssertActionFailed(result);
        Assert.That(message, NamesParameter("room_id"));
        AssertNoRequests();
    }

    [Test]
    public async Task UpdateRoom_AnnouncementModeWithIsLockedFalseInRunDocument_FailsWithoutRequest()
    {
        AddWarRoom();
        var doc = RunDocument("update_room", new JsonObject
        {
            ["room_id"] = RoomId,
            ["title"] = "x",
            ["is_locked"] = false,
            ["is_announcement_only"] = true,
        });

        var result = await RunDocumentAsync(doc);

        var message = AssertActionFailed(result);
        Assert.That(message, Does.StartWith("Parameter 'is_announcement_only' needs is_locked true"));
        AssertNoRequests();
    }

    [Test]
    public async Task UpdateRoom_RemoveDescriptionOfAPublicRoom_FailsAfterTheReadWithoutPut()
    {
        AddWarRoom();

        var result = await UpdateAsync(RoomId, "x", "--description", " ");

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Is.EqualTo("Parameter 'description' cannot be removed while the room is public: give is_public false as well."));
            Assert.That(Server.Requests.Select(r => r.Method), Is.EqualTo(GetOnly), Server.DescribeRequests);
        }
    }

    [Test]
    public async Task UpdateRoom_RemoveDescriptionAndMakePrivate_RemovesTheDescription()
    {
        AddWarRoom();

        var result = await UpdateAsync(RoomId, "x", "--description", " ", "--is-public", "false");

        AssertSucceeded(result);
        var room = StoredRoom();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(room.ContainsKey("description"), Is.False, room.ToJsonString());
            Assert.That(room["isPublic"]?.GetValue<bool>(), Is.False);
            Assert.That(room["isLocked"]?.GetValue<bool>(), Is.True, "kept");
        }
    }
}

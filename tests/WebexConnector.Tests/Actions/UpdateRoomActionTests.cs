using System.Net;
using System.Text.Json.Nodes;
using RichardSzalay.MockHttp;
using WebexConnector.Actions;

namespace WebexConnector.Tests.Actions;

public class UpdateRoomActionTests
{
    // The room of Fixture.RoomDetails: locked, public, in a team, classified, with a description.
    private const string RoomId = "Y2lzY29zcGFyazovL3VzL1JPT00vYmJjZWIxYWQtNDNmMS0zYjU4LTkxNDctZjE0YmIwYzRkMTU0";
    private const string RoomUrl = ConnectorHarness.BaseUrl + "/rooms/" + RoomId;

    // The room of Fixture.RoomDetailsPrivate: unlocked, private, no team, no classification, no description.
    private const string PrivateRoomId = "Y2lzY29zcGFyazovL3VzL1JPT00vNDcxMWFhMDAtNDNmMS0xMWU2LTkxNDctZjE0YmIwYzRkMTU0";
    private const string TeamId = "Y2lzY29zcGFyazovL3VzL1JPT00vNjRlNDVhZTAtYzQ2Yi0xMWU1LTlkZjktMGQ0MWUzNDIxOTcz";
    private const string ClassificationId = "Y2lzY29zcGFyazovL3VzL0NMQVNTSUZJQ0FUSU9OL2YyMDUyZTgyLTU0ZjgtMTFlYS1hMmUzLTJlNzI4Y2U4ODEyNQ";
    private const string OtherClassificationId = "Y2lzY29zcGFyazovL3VzL0NMQVNTSUZJQ0FUSU9OL2NvbmZpZGVudGlhbA";
    private const string NewTeamId = "Y2lzY29zcGFyazovL3VzL1RFQU0vZWUwMWIxMzAtMjJlYi0xMWVjLTg5MTktMGY0NjdjMGNlZmFk";
    private static readonly string[] ReadAndWriteScopes = ["spark:rooms_read", "spark:rooms_write"];
    private static readonly string[] RequiredParameters = ["room_id", "title"];
    private static readonly string[] GetThenPut = ["GET", "PUT"];

    [Test]
    public void Definition_ChangesWebex_GenericWithReadAndWriteScopesAndUncertainOutcomeNote()
    {
        var definition = ActionCatalog.Find("update_room");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(definition, Is.SameAs(UpdateRoomAction.Definition));
            Assert.That(definition!.Type, Is.EqualTo(ActionType.Generic));
            Assert.That(definition.ReadOnly, Is.False);
            Assert.That(definition.WebexCall, Is.EqualTo("PUT /rooms/{roomId}"));
            Assert.That(definition.RequiredScopes, Is.EqualTo(ReadAndWriteScopes));
            Assert.That(definition.UncertainOutcomeNote, Does.StartWith("The room may or may not have been updated;"));
            Assert.That(definition.Parameters.Where(p => p.Required).Select(p => p.Name), Is.EqualTo(RequiredParameters));
        }
    }

    [Test]
    public async Task Execute_TitleOnly_ReadsTheRoomThenPutsTheTitleWithEveryCurrentSetting()
    {
        using var harness = new ConnectorHarness();
        var order = new List<string>();
        var bodies = new List<string>();
        harness.When(HttpMethod.Get, RoomUrl)
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request => Details(order, request, Fixture.RoomDetails));
        harness.When(HttpMethod.Put, RoomUrl)
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request => UpdatedAsync(order, bodies, request));

        var result = await harness.RunOneAsync("update_room", Parameters(new JsonObject { ["title"] = "Project Unicorn - Sprint 1" }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(order, Is.EqualTo(GetThenPut));
            Assert.That(bodies, Is.EqualTo(One($$"""{"title":"Project Unicorn - Sprint 1","classificationId":"{{ClassificationId}}","teamId":"{{TeamId}}","isLocked":true,"isPublic":true,"description":"Company Announcements","isAnnouncementOnly":false,"isReadOnly":false}""")));
            Assert.That(result.Message, Is.EqualTo("Room updated"));
            Assert.That(result.Data.Select(d => d.GetRawText()), Is.EqualTo(One(Fixture.Json(Fixture.RoomUpdated).GetRawText())));
        }
    }

    [Test]
    public async Task Execute_RoomWithoutOptionalFields_LeavesThemOutOfThePut()
    {
        using var harness = new ConnectorHarness();
        var bodies = new List<string>();
        var privateUrl = ConnectorHarness.BaseUrl + "/rooms/" + PrivateRoomId;
        harness.When(HttpMethod.Get, privateUrl).Respond(request => Details([], request, Fixture.RoomDetailsPrivate));
        harness.When(HttpMethod.Put, privateUrl).Respond(request => UpdatedAsync([], bodies, request));

        var result = await harness.RunOneAsync("update_room",
            Parameters(new JsonObject { ["title"] = "Incident 4711 - closed" }, PrivateRoomId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(bodies, Is.EqualTo(One("""{"title":"Incident 4711 - closed","isLocked":false,"isPublic":false,"isAnnouncementOnly":false,"isReadOnly":false}""")));
        }
    }

    [Test]
    public async Task Execute_GivenSettings_ReplaceTheRoomsValues()
    {
        using var harness = new ConnectorHarness();
        var bodies = new List<string>();
        var privateUrl = ConnectorHarness.BaseUrl + "/rooms/" + PrivateRoomId;
        harness.When(HttpMethod.Get, privateUrl).Respond(request => Details([], request, Fixture.RoomDetailsPrivate));
        harness.When(HttpMethod.Put, privateUrl).Respond(request => UpdatedAsync([], bodies, request));

        var result = await harness.RunOneAsync("update_room", Parameters(
            new JsonObject
            {
                ["title"] = "Incident 4711",
                ["team_id"] = NewTeamId,
                ["classification_id"] = OtherClassificationId,
                ["is_locked"] = true,
                ["is_public"] = "true",
                ["description"] = "Phishing wave, 2016-04",
                ["is_announcement_only"] = true,
            },
            PrivateRoomId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(bodies, Is.EqualTo(One($$"""{"title":"Incident 4711","classificationId":"{{OtherClassificationId}}","teamId":"{{NewTeamId}}","isLocked":true,"isPublic":true,"description":"Phishing wave, 2016-04","isAnnouncementOnly":true,"isReadOnly":false}""")));
        }
    }

    [Test]
    public async Task Execute_FalseFlags_UnlockAndMakePrivateKeepingTheRest()
    {
        using var harness = new ConnectorHarness();
        var bodies = new List<string>();
        harness.When(HttpMethod.Get, RoomUrl).Respond(request => Details([], request, Fixture.RoomDetails));
        harness.When(HttpMethod.Put, RoomUrl).Respond(request => UpdatedAsync([], bodies, request));

        var result = await harness.RunOneAsync("update_room",
            Parameters(new JsonObject { ["title"] = "Sprint 0", ["is_locked"] = false, ["is_public"] = "false" }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(bodies, Is.EqualTo(One($$"""{"title":"Sprint 0","classificationId":"{{ClassificationId}}","teamId":"{{TeamId}}","isLocked":false,"isPublic":false,"description":"Company Announcements","isAnnouncementOnly":false,"isReadOnly":false}""")));
        }
    }

    [Test]
    public async Task Execute_SingleSpaceDescription_IsSentToRemoveTheDescriptionOfAPrivateRoom()
    {
        using var harness = new ConnectorHarness();
        var bodies = new List<string>();
        harness.When(HttpMethod.Get, RoomUrl).Respond(request => Details([], request, Fixture.RoomDetails));
        harness.When(HttpMethod.Put, RoomUrl).Respond(request => UpdatedAsync([], bodies, request));

        var result = await harness.RunOneAsync("update_room",
            Parameters(new JsonObject { ["title"] = "Sprint 0", ["is_public"] = false, ["description"] = " " }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(JsonNode.Parse(bodies.Single())?["description"]?.GetValue<string>(), Is.EqualTo(" "));
        }
    }

    [Test]
    public async Task Execute_RoomThatAlreadyBreaksARule_StillGetsItsTitleChanged()
    {
        using var harness = new ConnectorHarness();
        var bodies = new List<string>();
        var room = JsonNode.Parse(Fixture.Text(Fixture.RoomDetails))!.AsObject();
        room.Remove("description");
        harness.When(HttpMethod.Get, RoomUrl).Respond(_ => ConnectorHarness.JsonResponse(HttpStatusCode.OK, room.ToJsonString()));
        harness.When(HttpMethod.Put, RoomUrl).Respond(request => UpdatedAsync([], bodies, request));

        var result = await harness.RunOneAsync("update_room", Parameters(new JsonObject { ["title"] = "Sprint 0" }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(bodies, Has.Count.EqualTo(1), "a rule the room already breaks is Webex's to judge");
        }
    }

    [TestCase("room/1?x=2#frag", "/v1/rooms/room%2F1%3Fx%3D2%23frag")]
    [TestCase("../people/me", "/v1/rooms/..%2Fpeople%2Fme")]
    [TestCase("a b+c", "/v1/rooms/a%20b%2Bc")]
    public async Task Execute_RoomIdWithReservedCharacters_IsEscapedIntoOnePathSegment(string roomId, string expectedPath)
    {
        using var harness = new ConnectorHarness();
        var order = new List<string>();
        var uris = new List<Uri>();
        var bodies = new List<string>();
        harness.When(HttpMethod.Get, ConnectorHarness.BaseUrl + "/*").Respond(request =>
        {
            uris.Add(request.RequestUri!);
            return Details(order, request, Fixture.RoomDetailsPrivate);
        });
        harness.When(HttpMethod.Put, ConnectorHarness.BaseUrl + "/*").Respond(request =>
        {
            uris.Add(request.RequestUri!);
            return UpdatedAsync(order, bodies, request);
        });

        var result = await harness.RunOneAsync("update_room", Parameters(new JsonObject { ["title"] = "x" }, roomId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(order, Is.EqualTo(GetThenPut));
            Assert.That(uris.Select(u => u.AbsolutePath), Has.All.EqualTo(expectedPath));
            Assert.That(uris.Select(u => u.Query + u.Fragment), Has.All.Empty);
        }
    }

    [Test]
    public async Task Execute_UnknownRoom_FailsWithTheUsualMessageAndSendsNoPut()
    {
        using var harness = new ConnectorHarness();
        harness.When(HttpMethod.Get, RoomUrl).Respond(HttpStatusCode.NotFound, "application/json", Fixture.Text(Fixture.Error404));
        var put = harness.When(HttpMethod.Put, RoomUrl).Respond(HttpStatusCode.OK, "application/json", Fixture.Text(Fixture.RoomUpdated));

        var result = await harness.RunOneAsync("update_room", Parameters(new JsonObject { ["title"] = "x" }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Is.EqualTo(
                "Error updating room. Status code: 404. Details: The requested resource could not be found. Tracking ID: ROUTER_ABC"));
            Assert.That(harness.Http.GetMatchCount(put), Is.Zero);
        }
    }

    [Test]
    public async Task Execute_ReadFailsWithServerErrors_RetriesTheGetThenFailsWithoutPutOrUncertainty()
    {
        using var harness = new ConnectorHarness(timeScale: 50);
        var get = harness.When(HttpMethod.Get, RoomUrl).Respond(_ => ConnectorHarness.JsonResponse(
            HttpStatusCode.ServiceUnavailable, """{"message":"Service Unavailable","trackingId":"ROUTER_503"}"""));
        var put = harness.When(HttpMethod.Put, RoomUrl).Respond(HttpStatusCode.OK, "application/json", Fixture.Text(Fixture.RoomUpdated));

        var result = await harness.RunOneAsync("update_room", Parameters(new JsonObject { ["title"] = "x" }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(harness.Http.GetMatchCount(get), Is.EqualTo(4), "a GET is retried three times after a 5xx");
            Assert.That(harness.Http.GetMatchCount(put), Is.Zero);
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Is.EqualTo("Error updating room. Status code: 503. Details: Service Unavailable. Tracking ID: ROUTER_503"),
                "nothing was changed, so the message does not say the room may have been updated");
        }
    }

    [Test]
    public async Task Execute_UpdateForbidden_NamesBothScopes()
    {
        using var harness = new ConnectorHarness();
        harness.When(HttpMethod.Get, RoomUrl).Respond(request => Details([], request, Fixture.RoomDetails));
        harness.When(HttpMethod.Put, RoomUrl).Respond(_ => ConnectorHarness.JsonResponse(
            HttpStatusCode.Forbidden, """{"message":"Only a compliance officer can make a space public.","trackingId":"ROUTER_PUT_403"}"""));

        var result = await harness.RunOneAsync("update_room", Parameters(new JsonObject { ["title"] = "x" }));

        Assert.That(result.Message, Does.StartWith(
            "Error updating room. Status code: 403. Details: Only a compliance officer can make a space public. Tracking ID: ROUTER_PUT_403"
            + " This action needs the scopes spark:rooms_read, spark:rooms_write:"));
    }

    [TestCase("""{"is_announcement_only": true, "is_locked": false}""", "Parameter 'is_announcement_only' needs is_locked true",
        TestName = "Execute_AnnouncementOnlyWithIsLockedFalse_FailsWithoutAnyRequest")]
    [TestCase("""{"is_public": true, "description": " "}""", "Parameter 'is_public' needs a description",
        TestName = "Execute_PublicWithBlankDescription_FailsWithoutAnyRequest")]
    public async Task Execute_GivenSettingsContradictEachOther_FailsWithoutAnyRequest(string settings, string expected)
    {
        using var harness = new ConnectorHarness();
        var parameters = JsonNode.Parse(settings)!.AsObject();
        parameters["title"] = "x";

        var result = await harness.RunOneAsync("update_room", Parameters(parameters));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.StartWith(expected));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    [TestCase(Fixture.RoomDetailsPrivate, """{"is_announcement_only": true}""",
        "Parameter 'is_announcement_only' needs is_locked true: Webex puts a space into announcement mode only when it is locked; the room is not locked.",
        TestName = "Execute_AnnouncementOnlyForAnUnlockedRoom_FailsAfterReadingWithoutPut")]
    [TestCase(Fixture.RoomDetailsPrivate, """{"is_public": true}""",
        "Parameter 'is_public' needs a description: Webex requires one for a public space; the room has none.",
        TestName = "Execute_PublicForARoomWithoutDescription_FailsAfterReadingWithoutPut")]
    [TestCase(Fixture.RoomDetails, """{"description": " "}""",
        "Parameter 'description' cannot be removed while the room is public: give is_public false as well.",
        TestName = "Execute_RemoveDescriptionOfAPublicRoom_FailsAfterReadingWithoutPut")]
    public async Task Execute_GivenSettingBreaksARuleWithTheRoomsValues_FailsAfterReadingWithoutPut(string room, string settings, string expected)
    {
        using var harness = new ConnectorHarness();
        var roomId = room == Fixture.RoomDetails ? RoomId : PrivateRoomId;
        var url = ConnectorHarness.BaseUrl + "/rooms/" + roomId;
        var get = harness.When(HttpMethod.Get, url).Respond(request => Details([], request, room));
        var put = harness.When(HttpMethod.Put, url).Respond(HttpStatusCode.OK, "application/json", Fixture.Text(Fixture.RoomUpdated));
        var parameters = JsonNode.Parse(settings)!.AsObject();
        parameters["title"] = "x";

        var result = await harness.RunOneAsync("update_room", Parameters(parameters, roomId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Is.EqualTo(expected));
            Assert.That(harness.Http.GetMatchCount(get), Is.EqualTo(1));
            Assert.That(harness.Http.GetMatchCount(put), Is.Zero);
        }
    }

    [Test]
    public async Task Execute_UnlockAnAnnouncementRoom_FailsAfterReadingWithoutPut()
    {
        using var harness = new ConnectorHarness();
        var room = JsonNode.Parse(Fixture.Text(Fixture.RoomDetails))!.AsObject();
        room["isAnnouncementOnly"] = true;
        harness.When(HttpMethod.Get, RoomUrl).Respond(_ => ConnectorHarness.JsonResponse(HttpStatusCode.OK, room.ToJsonString()));
        var put = harness.When(HttpMethod.Put, RoomUrl).Respond(HttpStatusCode.OK, "application/json", Fixture.Text(Fixture.RoomUpdated));

        var result = await harness.RunOneAsync("update_room", Parameters(new JsonObject { ["title"] = "x", ["is_locked"] = false }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Message, Is.EqualTo("Parameter 'is_locked' cannot be false while the room is in announcement mode: give is_announcement_only false as well."));
            Assert.That(harness.Http.GetMatchCount(put), Is.Zero);
        }
    }

    [TestCase("""{"title": "x"}""", "room_id", TestName = "Execute_MissingRoomId_FailsWithoutRequest")]
    [TestCase("""{"room_id": "r"}""", "title", TestName = "Execute_MissingTitle_FailsWithoutRequest")]
    [TestCase("""{"room_id": "r", "title": ""}""", "title", TestName = "Execute_EmptyTitle_FailsWithoutRequest")]
    [TestCase("""{"room_id": "", "title": "x"}""", "room_id", TestName = "Execute_EmptyRoomId_FailsWithoutRequest")]
    [TestCase("""{"room_id": "r", "title": "x", "is_locked": "maybe"}""", "is_locked", TestName = "Execute_IsLockedNotBoolean_FailsWithoutRequest")]
    [TestCase("""{"room_id": "r", "title": "x", "is_announcement_only": 0}""", "is_announcement_only", TestName = "Execute_AnnouncementOnlyAsNumber_FailsWithoutRequest")]
    public async Task Execute_InvalidParameter_FailsNamingItWithoutRequest(string parameters, string name)
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("update_room", parameters);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.Contain($"'{name}'"));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    private static string Parameters(JsonObject parameters, string roomId = RoomId)
    {
        parameters["room_id"] = roomId;
        return parameters.ToJsonString();
    }

    private static HttpResponseMessage Details(List<string> order, HttpRequestMessage request, string fixture)
    {
        order.Add(request.Method.Method);
        return ConnectorHarness.JsonResponse(HttpStatusCode.OK, Fixture.Text(fixture));
    }

    private static async Task<HttpResponseMessage> UpdatedAsync(List<string> order, List<string> bodies, HttpRequestMessage request)
    {
        order.Add(request.Method.Method);
        bodies.Add(request.Content is null ? "(no body)" : await request.Content.ReadAsStringAsync());
        return ConnectorHarness.JsonResponse(HttpStatusCode.OK, Fixture.Text(Fixture.RoomUpdated));
    }

    /// <summary>A list of exactly this one item (request bodies, returned objects).</summary>
    private static string[] One(string item) => [item];
}

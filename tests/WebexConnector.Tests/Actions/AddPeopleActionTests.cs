using System.Net;
using System.Text.Json.Nodes;
using RichardSzalay.MockHttp;

namespace WebexConnector.Tests.Actions;

public class AddPeopleActionTests
{
    private const string MembershipsUrl = ConnectorHarness.BaseUrl + "/memberships";
    private const string RoomId = "Y2lzY29zcGFyazovL3VzL1JPT00vYmJjZWIxYWQtNDNmMS0zYjU4LTkxNDctZjE0YmIwYzRkMTU0";
    private const string PersonId = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9mNWIzNjE4Ny1jOGRkLTQ3MjctOGIyZi1mOWM0NDdmMjkwNDY";

    [TestCase("""{"room_id": "ROOM", "person_id": "PERSON"}""", """{"roomId":"ROOM","personId":"PERSON"}""",
        TestName = "Execute_PersonId_PostsRoomIdAndPersonIdOnly")]
    [TestCase("""{"room_id": "ROOM", "person_email": "john.andersen@example.com"}""", """{"roomId":"ROOM","personEmail":"john.andersen@example.com"}""",
        TestName = "Execute_PersonEmail_PostsRoomIdAndPersonEmailOnly")]
    [TestCase("""{"room_id": "ROOM", "person_id": "PERSON", "is_moderator": true}""", """{"roomId":"ROOM","personId":"PERSON","isModerator":true}""",
        TestName = "Execute_IsModeratorTrue_PostsIsModeratorTrue")]
    [TestCase("""{"room_id": "ROOM", "person_id": "PERSON", "is_moderator": "false"}""", """{"roomId":"ROOM","personId":"PERSON","isModerator":false}""",
        TestName = "Execute_IsModeratorFalseAsString_PostsIsModeratorFalse")]
    [TestCase("""{"room_id": "ROOM", "person_id": "PERSON", "person_email": "", "is_moderator": ""}""", """{"roomId":"ROOM","personId":"PERSON"}""",
        TestName = "Execute_EmptyOptionalParameters_AreLeftOutOfTheBody")]
    public async Task Execute_Parameters_PostExactlyTheSpecFields(string parameters, string expectedBody)
    {
        using var harness = new ConnectorHarness();
        var bodies = new List<string>();
        var post = harness.When(HttpMethod.Post, MembershipsUrl)
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .WithHeaders("Content-Type", "application/json; charset=utf-8")
            .Respond(request => CreatedAsync(bodies, request));

        var result = await harness.RunOneAsync("add_people", parameters.Replace("ROOM", RoomId, StringComparison.Ordinal).Replace("PERSON", PersonId, StringComparison.Ordinal));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(bodies, Is.EqualTo(new[] { expectedBody.Replace("ROOM", RoomId, StringComparison.Ordinal).Replace("PERSON", PersonId, StringComparison.Ordinal) }));
            Assert.That(harness.Http.GetMatchCount(post), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Execute_Created_ReturnsTheMembershipUnchanged()
    {
        using var harness = new ConnectorHarness();
        var bodies = new List<string>();
        harness.When(HttpMethod.Post, MembershipsUrl).Respond(request => CreatedAsync(bodies, request));

        var result = await harness.RunOneAsync("add_people", $$"""{"room_id": "{{RoomId}}", "person_email": "john.andersen@example.com", "is_moderator": true}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(result.Message, Is.EqualTo("Person added to the room"));
            Assert.That(result.Data.Select(d => d.GetRawText()), Is.EqualTo(new[] { Fixture.Json(Fixture.MembershipCreated).GetRawText() }));
            Assert.That(result.Summary, Is.Empty);
            Assert.That(result.Parameter["is_moderator"]?.GetValue<bool>(), Is.True, "the echo keeps what was given");
        }
    }

    [TestCase("""{"person_id": "P"}""", "room_id", TestName = "Execute_MissingRoomId_FailsWithoutRequest")]
    [TestCase("""{"room_id": "", "person_id": "P"}""", "room_id", TestName = "Execute_EmptyRoomId_FailsWithoutRequest")]
    [TestCase("""{"room_id": "R", "person_email": "john at example.com"}""", "person_email", TestName = "Execute_PersonEmailNotAnAddress_FailsWithoutRequest")]
    [TestCase("""{"room_id": "R", "person_id": "P", "is_moderator": "yes"}""", "is_moderator", TestName = "Execute_IsModeratorNotBoolean_FailsWithoutRequest")]
    [TestCase("""{"room_id": "R"}""", "exactly one of person_id, person_email (0 given)", TestName = "Execute_NeitherPersonIdNorEmail_FailsWithoutRequest")]
    [TestCase("""{"room_id": "R", "person_id": "", "person_email": null}""", "exactly one of person_id, person_email (0 given)", TestName = "Execute_PersonIdAndEmailEmpty_FailsWithoutRequest")]
    [TestCase("""{"room_id": "R", "person_id": "P", "person_email": "john.andersen@example.com"}""", "exactly one of person_id, person_email (2 given)", TestName = "Execute_BothPersonIdAndEmail_FailsWithoutRequest")]
    public async Task Execute_InvalidParameters_FailNamingThemWithoutRequest(string parameters, string expected)
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("add_people", parameters);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.Contain(expected));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    [Test]
    public async Task Execute_AlreadyAMember_FailsWithWebexConflictTextAndTrackingId()
    {
        using var harness = new ConnectorHarness();
        harness.When(HttpMethod.Post, MembershipsUrl).Respond(_ => ConnectorHarness.JsonResponse(
            HttpStatusCode.Conflict,
            """{"message":"Person is already in the room.","errors":[{"description":"Person is already in the room."}],"trackingId":"ROUTER_409"}"""));

        var result = await harness.RunOneAsync("add_people", $$"""{"room_id": "{{RoomId}}", "person_id": "{{PersonId}}"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Is.EqualTo(
                "Error adding person to room. Status code: 409. Details: Person is already in the room. Tracking ID: ROUTER_409"));
            Assert.That(harness.RequestCount, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Execute_RateLimited_RetriesWithTheSameBodyAndAddsOnce()
    {
        using var harness = new ConnectorHarness(timeScale: 50);
        var bodies = new List<string>();
        var limited = harness.Expect(HttpMethod.Post, MembershipsUrl).Respond(_ => ConnectorHarness.JsonResponse(
            HttpStatusCode.TooManyRequests, """{"message":"Too Many Requests","trackingId":"ROUTER_429"}""", ("Retry-After", "2")));
        var accepted = harness.Expect(HttpMethod.Post, MembershipsUrl).Respond(request => CreatedAsync(bodies, request));

        var result = await harness.RunOneAsync("add_people", $$"""{"room_id": "{{RoomId}}", "person_id": "{{PersonId}}"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(harness.Http.GetMatchCount(limited), Is.EqualTo(1));
            Assert.That(harness.Http.GetMatchCount(accepted), Is.EqualTo(1));
            Assert.That(bodies, Is.EqualTo(new[] { $$"""{"roomId":"{{RoomId}}","personId":"{{PersonId}}"}""" }), "the retried request carries the same body");
        }
    }

    [Test]
    public async Task Execute_AnswerNotAnObject_FailsSayingSo()
    {
        using var harness = new ConnectorHarness();
        harness.When(HttpMethod.Post, MembershipsUrl).Respond(_ => ConnectorHarness.JsonResponse(HttpStatusCode.OK, "[]"));

        var result = await harness.RunOneAsync("add_people", new JsonObject { ["room_id"] = RoomId, ["person_id"] = PersonId }.ToJsonString());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.StartWith("Error adding person to room. Status code: 200.").And.Contain("not an object"));
        }
    }

    private static async Task<HttpResponseMessage> CreatedAsync(List<string> bodies, HttpRequestMessage request)
    {
        bodies.Add(request.Content is null ? "(no body)" : await request.Content.ReadAsStringAsync());
        return ConnectorHarness.JsonResponse(HttpStatusCode.OK, Fixture.Text(Fixture.MembershipCreated));
    }
}

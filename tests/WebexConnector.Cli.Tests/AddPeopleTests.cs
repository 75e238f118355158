using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>add_people: the POST /memberships body, the created membership, Webex errors, no retry after a 5xx.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class AddPeopleTests : CliTestBase
{
    private static readonly string[] ParameterNames = ["room_id", "person_id", "person_email", "is_moderator"];

    private const string MayOrMayNot = "The person may or may not have been added; list the memberships before trying again.";

    private string NewRoomId() => Str(Server.AddRooms(1)[0]["id"])!;

    private JsonNode? SinglePostBody()
    {
        var posts = Server.RequestsTo("POST", "/v1/memberships");
        Assert.That(posts, Has.Count.EqualTo(1), Server.DescribeRequests);
        return posts[0].BodyJson();
    }

    [Test]
    public async Task AddPeople_PersonEmailAsModerator_PostsTheSpecFieldsAndReturnsTheMembership()
    {
        var roomId = NewRoomId();

        var result = await RunOperatorAsync("add-people", "--room-id", roomId, "--person-email", "alice.analyst@example.com", "--is-moderator");

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        AssertJsonEqual(SinglePostBody(), new JsonObject { ["roomId"] = roomId, ["personEmail"] = "alice.analyst@example.com", ["isModerator"] = true }, "the POST /memberships body");
        Assert.That(Server.Memberships, Has.Count.EqualTo(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(actionResult["message"]), Is.EqualTo("Person added to the room"));
            AssertJsonEqual(actionResult["data"], new JsonArray(Server.Memberships[0].DeepClone()), "data (the created membership)");
            Assert.That(actionResult["data"]?[0]?["isModerator"]?.GetValue<bool>(), Is.True);
            Assert.That(Server.RequestsTo("POST", "/v1/memberships")[0].Header("Authorization"), Is.EqualTo($"Bearer {Pat}"));
        }
    }

    [Test]
    public async Task AddPeople_PersonIdInRunDocument_AddsThatPerson()
    {
        var roomId = NewRoomId();
        var alice = Server.AddPerson("Alice Analyst", "alice.analyst@example.com");
        var aliceId = Str(alice["id"])!;

        var result = await RunDocumentAsync(RunDocument("add_people", new JsonObject { ["room_id"] = roomId, ["person_id"] = aliceId, ["is_moderator"] = "false" }));

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        AssertJsonEqual(SinglePostBody(), new JsonObject { ["roomId"] = roomId, ["personId"] = aliceId, ["isModerator"] = false }, "the POST /memberships body");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(result.JsonObject()["action"]), Is.EqualTo("add people"));
            Assert.That(Str(actionResult["data"]?[0]?["personId"]), Is.EqualTo(aliceId));
            Assert.That(Str(actionResult["data"]?[0]?["personEmail"]), Is.EqualTo("alice.analyst@example.com"));
            Assert.That(Str(actionResult["data"]?[0]?["roomId"]), Is.EqualTo(roomId));
            Assert.That(Server.Memberships.Select(m => Str(m["personId"])), Is.EqualTo(new[] { aliceId }));
        }
    }

    [Test]
    public async Task AddPeople_NeitherPersonIdNorEmail_FailsNamingBothWithoutRequest()
    {
        var result = await RunOperatorAsync("add-people", "--room-id", NewRoomId());

        var message = AssertActionFailed(result);
        Assert.That(message, Does.Contain("person_id").And.Contain("person_email"));
        AssertNoRequests();
    }

    [Test]
    public async Task AddPeople_BothPersonIdAndEmailInRunDocument_FailsNamingBothWithoutRequest()
    {
        var doc = RunDocument("add_people", new JsonObject { ["room_id"] = "R", ["person_id"] = "P", ["person_email"] = "alice.analyst@example.com" });

        var result = await RunDocumentAsync(doc);

        var message = AssertActionFailed(result);
        Assert.That(message, Does.Contain("exactly one of person_id, person_email"));
        AssertNoRequests();
    }

    [TestCase("--person-email", "alice at example.com", "person_email")]
    [TestCase("--room-id", "", "room_id")]
    public async Task AddPeople_BadValue_FailsNamingTheParameterWithoutRequest(string option, string value, string parameter)
    {
        string[] args = option == "--room-id"
            ? ["--room-id", value, "--person-id", "P"]
            : ["--room-id", "R", option, value];

        var result = await RunOperatorAsync("add-people", args);

        var message = AssertActionFailed(result);
        Assert.That(message, NamesParameter(parameter));
        AssertNoRequests();
    }

    [Test]
    public async Task AddPeople_AlreadyAMember_FailsWithWebexConflictAndTrackingId()
    {
        var roomId = NewRoomId();
        var alice = Server.AddPerson("Alice Analyst", "alice.analyst@example.com");
        Server.AddMembership(roomId, alice);

        var result = await RunOperatorAsync("add-people", "--room-id", roomId, "--person-email", "alice.analyst@example.com");

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Is.EqualTo($"Error adding person to room. Status code: 409. Details: Person is already in the room. Tracking ID: {Server.LastTrackingId}"));
            Assert.That(Server.Memberships, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task AddPeople_Catalogue_DescribesAGenericWriteActionWithItsScope()
    {
        var result = await Cli.RunAsync("actions");

        AssertExitCode(result, 0);
        var action = (result.JsonObject()["actions"] as JsonArray)?.FirstOrDefault(a => Str(a?["identifier"]) == "add_people_to_room");
        Assert.That(action, Is.Not.Null, result.Describe);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(action!["action"]), Is.EqualTo("add people"));
            Assert.That(Str(action["type"]), Is.EqualTo("generic"));
            Assert.That(action["read_only"]?.GetValue<bool>(), Is.False);
            AssertJsonEqual(action["required_scopes"], new JsonArray("spark:memberships_write"), "required_scopes");
            Assert.That((action["parameters"] as JsonObject)?.Select(p => p.Key), Is.EqualTo(ParameterNames));
            Assert.That(action["parameters"]?["room_id"]?["required"]?.GetValue<bool>(), Is.True);
        }
    }
}

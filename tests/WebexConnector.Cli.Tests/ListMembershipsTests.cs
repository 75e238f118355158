using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>list_memberships: filters, Link pagination, limit, the own memberships, Webex's person-filter rule.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class ListMembershipsTests : CliTestBase
{
    private static readonly string[] FilterAndMaxKeys = ["roomId", "personId", "personEmail", "max"];
    private static readonly string[] MaxKeyOnly = ["max"];
    private static readonly string[] ParameterNames = ["room_id", "person_id", "person_email", "limit"];
    private static readonly string[] PlaybookPaths = ["action_result.data.*.id", "action_result.data.*.personEmail", "action_result.summary.total_memberships"];

    private string NewRoomId() => Str(Server.AddRooms(1)[0]["id"])!;

    [Test]
    public async Task ListMemberships_RoomWith2500Members_FollowsLinksAndReturnsEveryMembershipInOrder()
    {
        var roomId = NewRoomId();
        var members = Server.AddMemberships(roomId, 2500);
        Server.AddMemberships(NewRoomId(), 3); // another room's members stay out

        var result = await RunOperatorAsync("list-memberships", "--room-id", roomId);

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        var calls = Server.RequestsTo("GET", "/v1/memberships");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls, Has.Count.EqualTo(3), Server.DescribeRequests);
            Assert.That(calls.Count > 0 ? calls[0].QueryValue("max") : null, Is.EqualTo("1000"), "the first request asks for the largest page");
            Assert.That(calls.Count > 0 ? calls[0].QueryValue("roomId") : null, Is.EqualTo(roomId));
            Assert.That(calls.Skip(1).Select(c => c.QueryValue("cursor")), Has.All.Not.Null, "later requests follow the Link header's next URL");
            Assert.That(Ids(actionResult["data"]), Is.EqualTo(members.Select(m => Str(m["id"])).ToList()), "every membership, in order");
            Assert.That(actionResult["summary"]?["total_memberships"]?.GetValue<int>(), Is.EqualTo(2500));
            Assert.That(Str(actionResult["message"]), Is.EqualTo("Total memberships: 2500"));
            Assert.That(calls.Select(c => c.Header("Authorization")), Has.All.EqualTo($"Bearer {Pat}"));
        }
    }

    [Test]
    public async Task ListMemberships_LimitInsideTheSecondPage_StopsAtTheLimit()
    {
        Server.MembershipsPageSizeCap = 2;
        var roomId = NewRoomId();
        var members = Server.AddMemberships(roomId, 7);

        var result = await RunOperatorAsync("list-memberships", "--room-id", roomId, "--limit", "3");

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        var calls = Server.RequestsTo("GET", "/v1/memberships");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls, Has.Count.EqualTo(2), Server.DescribeRequests);
            Assert.That(calls.Count > 0 ? calls[0].QueryValue("max") : null, Is.EqualTo("3"), "a limit below 1000 asks for that many");
            Assert.That(Ids(actionResult["data"]), Is.EqualTo(members.Take(3).Select(m => Str(m["id"])).ToList()));
            Assert.That(actionResult["summary"]?["total_memberships"]?.GetValue<int>(), Is.EqualTo(3));
            Assert.That(Str(actionResult["message"]), Is.EqualTo("Total memberships: 3"));
        }
    }

    [Test]
    public async Task ListMemberships_NoRoomInRunDocument_ListsTheUsersOwnMemberships()
    {
        var first = NewRoomId();
        var second = NewRoomId();
        var mine = new[] { Server.AddMembership(first, Server.Me, isModerator: true), Server.AddMembership(second, Server.Me) };
        Server.AddMemberships(first, 4);

        var result = await RunDocumentAsync(RunDocument("list_memberships", new JsonObject { ["limit"] = "" }));

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        var calls = Server.RequestsTo("GET", "/v1/memberships");
        Assert.That(calls, Has.Count.EqualTo(1), Server.DescribeRequests);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls[0].Query.Keys, Is.EquivalentTo(MaxKeyOnly), "no filter parameters");
            AssertJsonEqual(actionResult["data"], new JsonArray([.. mine.Select(m => m.DeepClone())]), "data (the user's own memberships, unchanged)");
            Assert.That(Str(actionResult["message"]), Is.EqualTo("Total memberships: 2"));
        }
    }

    [TestCase("--person-email", "alice.analyst@example.com", "personEmail")]
    [TestCase("--person-id", null, "personId")]
    public async Task ListMemberships_RoomAndPerson_SendsWebexQueryNamesAndFiltersToThatPerson(string option, string? value, string queryName)
    {
        var roomId = NewRoomId();
        var alice = Server.AddPerson("Alice Analyst", "alice.analyst@example.com");
        Server.AddMemberships(roomId, 3);
        var membership = Server.AddMembership(roomId, alice);
        var given = value ?? Str(alice["id"])!;

        var result = await RunOperatorAsync("list-memberships", "--room-id", roomId, option, given);

        AssertSucceeded(result);
        var calls = Server.RequestsTo("GET", "/v1/memberships");
        Assert.That(calls, Has.Count.EqualTo(1), Server.DescribeRequests);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls[0].QueryValue("roomId"), Is.EqualTo(roomId));
            Assert.That(calls[0].QueryValue(queryName), Is.EqualTo(given));
            Assert.That(calls[0].Query.Keys, Is.SubsetOf(FilterAndMaxKeys), "no other query parameters");
            Assert.That(Ids(result.ActionResult()["data"]), Is.EqualTo(new[] { Str(membership["id"]) }));
        }
    }

    [Test]
    public async Task ListMemberships_PersonWithoutRoom_FailsWithWebexRefusalAndTrackingId()
    {
        Server.AddPerson("Alice Analyst", "alice.analyst@example.com");

        var result = await RunOperatorAsync("list-memberships", "--person-email", "alice.analyst@example.com");

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Is.EqualTo(
                $"Error listing memberships. Status code: 400. Details: roomId is required when filtering by personId or personEmail. Tracking ID: {Server.LastTrackingId}"));
            Assert.That(Server.RequestsTo("GET", "/v1/memberships"), Has.Count.EqualTo(1), "a 400 is not retried");
        }
    }

    [Test]
    public async Task ListMemberships_PersonWithoutRoomAsComplianceOfficer_ListsEveryMembershipOfThatPerson()
    {
        Server.MembershipsComplianceOfficer = true;
        var alice = Server.AddPerson("Alice Analyst", "alice.analyst@example.com");
        var first = NewRoomId();
        var second = NewRoomId();
        Server.AddMemberships(first, 2);
        var hers = new[] { Server.AddMembership(first, alice), Server.AddMembership(second, alice) };
        Server.AddMembership(second, Server.Me);

        var result = await RunOperatorAsync("list-memberships", "--person-id", Str(alice["id"])!);

        AssertSucceeded(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Ids(result.ActionResult()["data"]), Is.EqualTo(hers.Select(m => Str(m["id"])).ToList()));
            Assert.That(Server.RequestsTo("GET", "/v1/memberships")[0].QueryValue("roomId"), Is.Null);
        }
    }

    [Test]
    public async Task ListMemberships_BothPersonIdAndEmail_FailsNamingBothWithoutRequest()
    {
        var result = await RunOperatorAsync("list-memberships", "--room-id", "R", "--person-id", "P", "--person-email", "alice.analyst@example.com");

        var message = AssertActionFailed(result);
        Assert.That(message, Does.Contain("at most one of person_id, person_email"));
        AssertNoRequests();
    }

    [TestCase("0")]
    [TestCase("-1")]
    [TestCase("abc")]
    public async Task ListMemberships_InvalidLimit_FailsNamingLimitWithoutRequest(string limit)
    {
        var result = await RunOperatorAsync("list-memberships", "--limit", limit);

        var message = AssertActionFailed(result);
        Assert.That(message, NamesParameter("limit"));
        AssertNoRequests();
    }

    [Test]
    public async Task ListMemberships_Catalogue_DescribesAReadOnlyInvestigateActionWithItsScope()
    {
        var result = await Cli.RunAsync("actions");

        AssertExitCode(result, 0);
        var action = (result.JsonObject()["actions"] as JsonArray)?.FirstOrDefault(a => Str(a?["identifier"]) == "list_memberships");
        Assert.That(action, Is.Not.Null, result.Describe);
        var paths = (action!["output"] as JsonArray)?.Select(o => Str(o?["data_path"])).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(action["type"]), Is.EqualTo("investigate"));
            Assert.That(action["read_only"]?.GetValue<bool>(), Is.True);
            AssertJsonEqual(action["required_scopes"], new JsonArray("spark:memberships_read"), "required_scopes");
            Assert.That((action["parameters"] as JsonObject)?.Select(p => p.Key), Is.EqualTo(ParameterNames));
            Assert.That(paths, Is.SupersetOf(PlaybookPaths));
        }
    }
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>list_users: lookups by e-mail, name prefix and ids, admin listings by location and organization, pagination.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class ListUsersTests : CliTestBase
{
    private static readonly string[] MaxKeyOnly = ["max"];
    private static readonly string[] AliceEmailAsGiven = ["Alice.Analyst@example.com"];
    private static readonly string[] PeopleQueryKeys = ["email", "displayName", "id", "orgId", "locationId", "max"];

    [Test]
    public async Task ListUsers_DisplayNamePrefixWith1200Matches_FollowsTheLinkUntilDone()
    {
        var dana = Server.AddPeople(1200, "Dana Defender");
        Server.AddPeople(3, "Dan Other");

        var result = await RunOperatorAsync("list-users", "--display-name", "dana d");

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        var calls = Server.RequestsTo("GET", "/v1/people");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls, Has.Count.EqualTo(2), Server.DescribeRequests);
            Assert.That(calls.Count > 0 ? calls[0].QueryValue("displayName") : null, Is.EqualTo("dana d"));
            Assert.That(calls.Count > 0 ? calls[0].QueryValue("max") : null, Is.EqualTo("1000"), "the first request asks for the largest page");
            Assert.That(calls.Count > 1 ? calls[1].QueryValue("cursor") : null, Is.Not.Null, "the second request is the Link header's next URL");
            Assert.That(Ids(actionResult["data"]), Is.EqualTo(FakeWebexServer.InPeopleOrder(dana).Select(p => Str(p["id"])).ToList()), "every Dana, in order, no Dan");
            Assert.That(actionResult["summary"]?["total_users"]?.GetValue<int>(), Is.EqualTo(1200));
            Assert.That(Str(actionResult["message"]), Is.EqualTo("Total users: 1200"));
            Assert.That(calls.Select(c => c.Header("Authorization")), Has.All.EqualTo($"Bearer {Pat}"));
        }
    }

    [Test]
    public async Task ListUsers_LimitFive_ReturnsFiveUsersWithOneSmallRequest()
    {
        var people = Server.AddPeople(30, "Lee Limit");

        var result = await RunOperatorAsync("list-users", "--display-name", "Lee", "--limit", "5");

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        var calls = Server.RequestsTo("GET", "/v1/people");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls, Has.Count.EqualTo(1), Server.DescribeRequests);
            Assert.That(calls.Count > 0 ? calls[0].QueryValue("max") : null, Is.EqualTo("5"));
            Assert.That(Ids(actionResult["data"]), Is.EqualTo(FakeWebexServer.InPeopleOrder(people).Take(5).Select(p => Str(p["id"])).ToList()));
            Assert.That(Str(actionResult["message"]), Is.EqualTo("Total users: 5"));
        }
    }

    [Test]
    public async Task ListUsers_AdminByLocationWith120People_PagesOf50UntilDone()
    {
        Server.PeopleCallerIsAdmin = true;
        var located = Server.AddPeople(120, "Loc Person", locationId: "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzYzNzE1");
        Server.AddPeople(10, "Elsewhere Person", locationId: "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL290aGVy");

        var result = await RunOperatorAsync("list-users", "--location-id", "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzYzNzE1");

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        var calls = Server.RequestsTo("GET", "/v1/people");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls, Has.Count.EqualTo(3), Server.DescribeRequests);
            Assert.That(calls.Select(c => c.QueryValue("max")), Has.All.EqualTo("50"), "Webex serves at most 50 per page with locationId");
            Assert.That(Ids(actionResult["data"]), Is.EqualTo(FakeWebexServer.InPeopleOrder(located).Select(p => Str(p["id"])).ToList()));
            Assert.That(actionResult["summary"]?["total_users"]?.GetValue<int>(), Is.EqualTo(120));
        }
    }

    [Test]
    public async Task ListUsers_AdminWithoutLookup_ListsEveryoneInTheOrganization()
    {
        Server.PeopleCallerIsAdmin = true;
        var people = Server.AddPeople(4, "Org Member");

        var result = await RunOperatorAsync("list-users");

        AssertSucceeded(result);
        var calls = Server.RequestsTo("GET", "/v1/people");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls, Has.Count.EqualTo(1), Server.DescribeRequests);
            Assert.That(calls.Count > 0 ? calls[0].Query.Keys : [], Is.EquivalentTo(MaxKeyOnly), "no filter is sent");
            Assert.That(Ids(result.ActionResult()["data"]), Is.EquivalentTo(people.Append(Server.Me).Select(p => Str(p["id"]))));
        }
    }

    [Test]
    public async Task ListUsers_AdminByOrgId_ReturnsOnlyThatOrganizationsPeople()
    {
        Server.PeopleCallerIsAdmin = true;
        const string PartnerOrg = "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9wYXJ0bmVy";
        var partner = Server.AddPeople(3, "Partner Person", orgId: PartnerOrg);
        Server.AddPeople(3, "Home Person");

        var result = await RunDocumentAsync(RunDocument("list_users", new JsonObject { ["org_id"] = PartnerOrg }));

        AssertSucceeded(result);
        var calls = Server.RequestsTo("GET", "/v1/people");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls.Count > 0 ? calls[0].QueryValue("orgId") : null, Is.EqualTo(PartnerOrg));
            Assert.That(Ids(result.ActionResult()["data"]), Is.EqualTo(FakeWebexServer.InPeopleOrder(partner).Select(p => Str(p["id"])).ToList()));
            Assert.That(Str(result.ActionResult()["parameter"]?["org_id"]), Is.EqualTo(PartnerOrg), "parameter echoed");
        }
    }

    [Test]
    public async Task ListUsers_EmailInRunDocument_ReturnsThePersonExactly()
    {
        var person = Server.AddPerson("Alice Analyst", "alice.analyst@example.com");
        Server.AddPeople(5, "Alice Other");

        var result = await RunDocumentAsync(RunDocument("list_users", new JsonObject { ["email"] = "Alice.Analyst@example.com" }));

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        var data = actionResult["data"] as JsonArray;
        Assert.That(data, Has.Count.EqualTo(1), result.Describe);
        AssertJsonEqual(data![0], person, "the person, unknown fields included");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(actionResult["summary"]?["total_users"]?.GetValue<int>(), Is.EqualTo(1));
            Assert.That(Server.RequestsTo("GET", "/v1/people").Select(c => c.QueryValue("email")), Is.EqualTo(AliceEmailAsGiven));
        }
    }

    [Test]
    public async Task ListUsers_IdListWithSpacesAndAnUnknownId_ReturnsTheKnownPeople()
    {
        var people = Server.AddPeople(4, "Id Person");
        var wanted = new[] { people[2], people[0] };
        var given = $" {Str(wanted[0]["id"])} ,{Str(wanted[1]["id"])},  Y2lzY29zcGFyazovL3VzL1BFT1BMRS91bmtub3du ";

        var result = await RunOperatorAsync("list-users", "--id", given);

        AssertSucceeded(result);
        var calls = Server.RequestsTo("GET", "/v1/people");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls.Count > 0 ? calls[0].QueryValue("id") : null,
                Is.EqualTo($"{Str(wanted[0]["id"])},{Str(wanted[1]["id"])},Y2lzY29zcGFyazovL3VzL1BFT1BMRS91bmtub3du"), "trimmed, comma-separated");
            Assert.That(Ids(result.ActionResult()["data"]), Is.EquivalentTo(wanted.Select(p => Str(p["id"]))));
            Assert.That(Str(result.ActionResult()["message"]), Is.EqualTo("Total users: 2"));
        }
    }

    [Test]
    public async Task ListUsers_86Ids_FailsNamingIdWithoutRequest()
    {
        var ids = Enumerable.Range(1, 86).Select(n => $"Y2lzY29zcGFyazovL3VzL1BFT1BMRS9{n.ToString("D3", CultureInfo.InvariantCulture)}");

        var result = await RunOperatorAsync("list-users", "--id", string.Join(",", ids));

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, NamesParameter("id"));
            Assert.That(message, Does.Contain("85"));
        }

        AssertNoRequests();
    }

    [Test]
    public async Task ListUsers_EmailAndDisplayName_FailsNamingBothWithoutRequest()
    {
        var result = await RunOperatorAsync("list-users", "--email", "a@example.com", "--display-name", "A");

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, NamesParameter("email"));
            Assert.That(message, NamesParameter("display_name"));
        }

        AssertNoRequests();
    }

    [TestCase("email", "\"not-an-email\"")]
    [TestCase("limit", "0")]
    [TestCase("display_name", "42")]
    public async Task ListUsers_InvalidParameterInRunDocument_FailsNamingItWithoutRequest(string name, string valueJson)
    {
        var result = await RunDocumentAsync(RunDocument("list_users", new JsonObject { [name] = JsonNode.Parse(valueJson) }));

        var message = AssertActionFailed(result);
        Assert.That(message, Does.Contain(name));
        AssertNoRequests();
    }

    [Test]
    public async Task ListUsers_NonAdminWithoutLookup_FailsWithWebexsMessageAndTrackingId()
    {
        Server.AddPeople(3, "Org Member");

        var result = await RunOperatorAsync("list-users");

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.StartWith("Error listing users. Status code: 400."));
            Assert.That(message, Does.Contain(FakeWebexServer.PeopleFilterRequiredMessage));
            Assert.That(message, Does.Contain(Server.LastTrackingId!));
            Assert.That(Server.RequestsTo("GET", "/v1/people"), Has.Count.EqualTo(1), "a 400 is not retried");
        }
    }

    [Test]
    public async Task ListUsers_OnlyKnownFilters_AreSent()
    {
        Server.PeopleCallerIsAdmin = true;
        Server.AddPeople(2, "Loc Person", locationId: "L1");

        var result = await RunOperatorAsync("list-users", "--display-name", "Loc", "--location-id", "L1", "--limit", "7");

        AssertSucceeded(result);
        var calls = Server.RequestsTo("GET", "/v1/people");
        Assert.That(calls, Has.Count.EqualTo(1), Server.DescribeRequests);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls[0].Query.Keys, Is.SubsetOf(PeopleQueryKeys));
            Assert.That(calls[0].QueryValue("max"), Is.EqualTo("7"));
            Assert.That(calls[0].QueryValue("locationId"), Is.EqualTo("L1"));
        }
    }

    [Test]
    public async Task ListUsers_OutputText_PrintsNamesAndTotal()
    {
        var people = Server.AddPeople(3, "Text Person");

        var result = await RunOperatorAsync("list-users", "--display-name", "Text", "--output", "text");

        AssertExitCode(result, 0);
        using (Assert.EnterMultipleScope())
        {
            foreach (var person in people)
            {
                Assert.That(result.Stdout, Does.Contain(Str(person["displayName"])!));
            }

            Assert.That(result.Stdout, Does.Contain("Total users: 3"));
        }
    }
}

using System.Net;
using System.Text.Json;
using RichardSzalay.MockHttp;
using WebexConnector.Actions;

namespace WebexConnector.Tests.Actions;

public class ListUsersActionTests
{
    private const string PeopleUrl = ConnectorHarness.BaseUrl + "/people";
    private const string SecondUrl = "https://webexapis.com/v1/people?cursor=cGVvcGxlPTI%3D&max=1000";
    private const string PageOne = "people/people-list-page-1.json";
    private const string PageTwo = "people/people-list-page-2.json";
    private const string ByIds = "people/people-by-ids.json";

    // Person ids as Webex writes them (base64 of ciscospark://us/PEOPLE/<uuid>).
    private const string JohnId = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9mNWIzNjE4Ny1jOGRkLTQ3MjctOGIyZi1mOWM0NDdmMjkwNDY";
    private const string JohannaId = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS8xYjNmMjA4Ni0xYWY2LTQxNzgtOGI1ZS1jOTFkYmNlMGM2YzQ";

    [Test]
    public async Task Execute_NoParameters_AsksForLargestPageWithoutFilters()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, PeopleUrl)
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request => ConnectorHarness.Page(requests, request, PageTwo));

        var result = await harness.RunOneAsync("list_users");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(requests, Has.Count.EqualTo(1));
            Assert.That(ConnectorHarness.Query(requests[0]), Is.EquivalentTo(new Dictionary<string, string?> { ["max"] = "1000" }));
        }
    }

    [Test]
    public async Task Execute_EmailAndOrgId_AreSentWithOpenApiQueryNames()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, PeopleUrl).Respond(request => ConnectorHarness.Page(requests, request, PageTwo));

        var result = await harness.RunOneAsync("list_users", """{"email": "john.andersen@example.com", "org_id": "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi85NmFi"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(ConnectorHarness.Query(requests.Single()), Is.EquivalentTo(new Dictionary<string, string?>
            {
                ["email"] = "john.andersen@example.com",
                ["orgId"] = "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi85NmFi",
                ["max"] = "1000",
            }));
        }
    }

    [Test]
    public async Task Execute_DisplayNameAndLocationId_AreSentWithOpenApiQueryNamesAndPageOf50()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, PeopleUrl).Respond(request => ConnectorHarness.Page(requests, request, PageTwo));

        var result = await harness.RunOneAsync("list_users", """{"display_name": "John A", "location_id": "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzYzNzE1"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(ConnectorHarness.Query(requests.Single()), Is.EquivalentTo(new Dictionary<string, string?>
            {
                ["displayName"] = "John A",
                ["locationId"] = "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzYzNzE1",
                ["max"] = "50",
            }));
        }
    }

    [TestCase(null, "50")]
    [TestCase(10, "10")]
    [TestCase(50, "50")]
    [TestCase(500, "50")]
    public async Task Execute_LocationId_AsksForAtMost50PerPage(int? limit, string expectedMax)
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, PeopleUrl).Respond(request => ConnectorHarness.Page(requests, request, PageTwo));
        var parameters = limit is null ? """{"location_id": "L1"}""" : $$"""{"location_id": "L1", "limit": {{limit}}}""";

        await harness.RunOneAsync("list_users", parameters);

        Assert.That(ConnectorHarness.Query(requests.Single())["max"], Is.EqualTo(expectedMax));
    }

    /// <summary>3.x's roles and calling_data, as the spec names them; callingData as Webex spells a flag, at most 100 per page.</summary>
    [Test]
    public async Task Execute_RolesAndCallingData_AreSentAsRolesAndCallingDataTrue()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, PeopleUrl).Respond(request => ConnectorHarness.Page(requests, request, PageTwo));

        await harness.RunOneAsync("list_users", """{"display_name": "Jo", "roles": "R1,R2", "calling_data": true}""");

        var query = ConnectorHarness.Query(requests.Single());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(query["roles"], Is.EqualTo("R1,R2"));
            Assert.That(query["callingData"], Is.EqualTo("true"));
            Assert.That(query["max"], Is.EqualTo("100"));
        }
    }

    [TestCase($" {JohnId} , {JohannaId} ", $"{JohnId},{JohannaId}", TestName = "Execute_IdListWithSpaces_IsSentTrimmed")]
    [TestCase($"{JohnId},{JohannaId},", $"{JohnId},{JohannaId}", TestName = "Execute_IdListWithTrailingComma_DropsTheEmptyEntry")]
    [TestCase(JohnId, JohnId, TestName = "Execute_SingleId_IsSentAsIs")]
    public async Task Execute_IdList_IsSentCommaSeparatedWithoutSpaces(string given, string expected)
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, PeopleUrl).Respond(request => ConnectorHarness.Page(requests, request, ByIds));

        var result = await harness.RunOneAsync("list_users", JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = given }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(ConnectorHarness.Query(requests.Single()), Is.EquivalentTo(new Dictionary<string, string?> { ["id"] = expected, ["max"] = "1000" }));
            Assert.That(result.Message, Is.EqualTo("Total users: 1"));
        }
    }

    [Test]
    public async Task Execute_85Ids_AreSentInOneRequest()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, PeopleUrl).Respond(request => ConnectorHarness.Page(requests, request, ByIds));
        var ids = GeneratedIds(ListUsersAction.MaxIds);

        var result = await harness.RunOneAsync("list_users", JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = string.Join(", ", ids) }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(ConnectorHarness.Query(requests.Single())["id"]!.Split(','), Is.EqualTo(ids));
        }
    }

    [Test]
    public async Task Execute_86Ids_FailsNamingIdAndTheLimitWithoutRequest()
    {
        using var harness = new ConnectorHarness();
        var ids = GeneratedIds(ListUsersAction.MaxIds + 1);

        var result = await harness.RunOneAsync("list_users", JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = string.Join(",", ids) }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Is.EqualTo("Parameter 'id' holds 86 person ids; Webex accepts at most 85."));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    [TestCase(",")]
    [TestCase(" , ,")]
    public async Task Execute_IdListWithoutAnyId_FailsNamingIdWithoutRequest(string given)
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("list_users", JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = given }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.StartWith("Parameter 'id' must hold at least one person id"));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    [Test]
    public async Task Execute_IdWithQueryCharacters_IsEscapedAndNeverChangesTheRequest()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, PeopleUrl).Respond(request => ConnectorHarness.Page(requests, request, ByIds));
        const string Tricky = "abc&max=1/../rooms?x=1#frag";

        await harness.RunOneAsync("list_users", JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = Tricky }));

        var request = requests.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(request.AbsolutePath, Is.EqualTo("/v1/people"));
            Assert.That(ConnectorHarness.Query(request), Is.EquivalentTo(new Dictionary<string, string?> { ["id"] = Tricky, ["max"] = "1000" }));
            Assert.That(request.Fragment, Is.Empty);
        }
    }

    [Test]
    public async Task Execute_TwoPages_FollowsLinkAndReturnsEveryUserUnchanged()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        var first = harness.When(HttpMethod.Get, PeopleUrl).With(r => r.RequestUri!.Query == "?displayName=J&max=1000")
            .Respond(request => ConnectorHarness.Page(requests, request, PageOne, SecondUrl));
        var second = harness.When(HttpMethod.Get, PeopleUrl).With(r => r.RequestUri!.AbsoluteUri == SecondUrl)
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request => ConnectorHarness.Page(requests, request, PageTwo));

        var result = await harness.RunOneAsync("list_users", """{"display_name": "J"}""");

        var expected = Fixture.Items(PageOne).Concat(Fixture.Items(PageTwo)).Select(p => p.GetRawText());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(result.Message, Is.EqualTo("Total users: 3"));
            Assert.That(result.Summary["total_users"]?.GetValue<int>(), Is.EqualTo(3));
            Assert.That(result.Data.Select(d => d.GetRawText()), Is.EqualTo(expected), "every field, unknown ones included, as Webex wrote it");
            Assert.That(new[] { first, second }.Select(harness.Http.GetMatchCount), Has.All.EqualTo(1));
            Assert.That(harness.RequestCount, Is.EqualTo(2));
        }
    }

    [Test]
    public async Task Execute_LimitReachedOnFirstPage_DoesNotFollowTheLink()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, PeopleUrl).With(r => r.RequestUri!.Query == "?displayName=J&max=2")
            .Respond(request => ConnectorHarness.Page(requests, request, PageOne, SecondUrl));
        var second = harness.When(HttpMethod.Get, PeopleUrl).With(r => r.RequestUri!.AbsoluteUri == SecondUrl)
            .Respond(request => ConnectorHarness.Page(requests, request, PageTwo));

        var result = await harness.RunOneAsync("list_users", """{"display_name": "J", "limit": 2}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(result.Message, Is.EqualTo("Total users: 2"));
            Assert.That(harness.Http.GetMatchCount(second), Is.Zero);
            Assert.That(harness.RequestCount, Is.EqualTo(1));
        }
    }

    [TestCase("""{"email": "a@example.com", "display_name": "A"}""", TestName = "Execute_EmailAndDisplayName_FailsWithoutRequest")]
    [TestCase("""{"email": "a@example.com", "id": "P1"}""", TestName = "Execute_EmailAndId_FailsWithoutRequest")]
    [TestCase("""{"display_name": "A", "id": "P1"}""", TestName = "Execute_DisplayNameAndId_FailsWithoutRequest")]
    public async Task Execute_MoreThanOneLookup_FailsNamingTheChoiceWithoutRequest(string parameters)
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("list_users", parameters);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Is.EqualTo("Give at most one of email, display_name, id (2 given)."));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    [TestCase("""{"email": "John Andersen <john@example.com>"}""", "email", TestName = "Execute_EmailWithDisplayName_FailsWithoutRequest")]
    [TestCase("""{"email": "not-an-email"}""", "email", TestName = "Execute_NotAnEmail_FailsWithoutRequest")]
    [TestCase("""{"limit": 0}""", "limit", TestName = "Execute_LimitZero_FailsWithoutRequest")]
    [TestCase("""{"limit": "lots"}""", "limit", TestName = "Execute_LimitNotANumber_FailsWithoutRequest")]
    [TestCase("""{"org_id": 7}""", "org_id", TestName = "Execute_OrgIdAsNumber_FailsWithoutRequest")]
    public async Task Execute_InvalidParameter_FailsNamingItWithoutRequest(string parameters, string name)
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("list_users", parameters);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.Contain($"'{name}'"));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    [Test]
    public async Task Execute_NonAdminWithoutLookup_FailsWithWebexsOwnTextAndTrackingId()
    {
        using var harness = new ConnectorHarness();
        harness.When(HttpMethod.Get, PeopleUrl).Respond(_ => ConnectorHarness.JsonResponse(
            HttpStatusCode.BadRequest,
            """{"message":"Email, displayName, or id list should be specified.","errors":[{"description":"Email, displayName, or id list should be specified."}],"trackingId":"ROUTER_PEOPLE_400"}"""));

        var result = await harness.RunOneAsync("list_users");

        Assert.That(result.Message, Is.EqualTo(
            "Error listing users. Status code: 400. Details: Email, displayName, or id list should be specified. Tracking ID: ROUTER_PEOPLE_400"));
    }

    private static string[] GeneratedIds(int count) =>
        [.. Enumerable.Range(1, count).Select(_ => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"ciscospark://us/PEOPLE/{Guid.NewGuid()}")).TrimEnd('='))];
}

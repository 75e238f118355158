using System.Net;
using System.Text.Json;
using RichardSzalay.MockHttp;

namespace WebexConnector.Tests.Actions;

public class ListMembershipsActionTests
{
    private const string MembershipsUrl = ConnectorHarness.BaseUrl + "/memberships";
    private const string RoomId = "Y2lzY29zcGFyazovL3VzL1JPT00vYmJjZWIxYWQtNDNmMS0zYjU4LTkxNDctZjE0YmIwYzRkMTU0";
    private const string PersonId = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9mNWIzNjE4Ny1jOGRkLTQ3MjctOGIyZi1mOWM0NDdmMjkwNDY";
    private const string SecondUrl = "https://webexapis.com/v1/memberships?cursor=bWVtYmVyc2hpcHMtMg%3D%3D&max=1000";

    [Test]
    public async Task Execute_NoParameters_AsksForLargestPageWithoutFilters()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, MembershipsUrl)
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request => ConnectorHarness.Page(requests, request, Fixture.MembershipsPage2));

        var result = await harness.RunOneAsync("list_memberships");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(requests, Has.Count.EqualTo(1));
            Assert.That(ConnectorHarness.Query(requests[0]), Is.EquivalentTo(new Dictionary<string, string?> { ["max"] = "1000" }));
        }
    }

    [TestCase("""{"room_id": "ROOM"}""", "roomId", null, TestName = "Execute_RoomId_IsSentAsRoomId")]
    [TestCase("""{"room_id": "ROOM", "person_id": "PERSON"}""", "personId", "PERSON", TestName = "Execute_RoomIdAndPersonId_AreSentAsRoomIdAndPersonId")]
    [TestCase("""{"room_id": "ROOM", "person_email": "john.andersen@example.com"}""", "personEmail", "john.andersen@example.com", TestName = "Execute_RoomIdAndPersonEmail_AreSentAsRoomIdAndPersonEmail")]
    public async Task Execute_Filters_AreSentWithOpenApiQueryNames(string parameters, string personKey, string? personValue)
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, MembershipsUrl).Respond(request => ConnectorHarness.Page(requests, request, Fixture.MembershipsPage2));

        var result = await harness.RunOneAsync("list_memberships", parameters.Replace("ROOM", RoomId, StringComparison.Ordinal).Replace("PERSON", PersonId, StringComparison.Ordinal));

        var expected = new Dictionary<string, string?> { ["roomId"] = RoomId, ["max"] = "1000" };
        if (personValue is not null)
        {
            expected[personKey] = personValue.Replace("PERSON", PersonId, StringComparison.Ordinal);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(ConnectorHarness.Query(requests.Single()), Is.EquivalentTo(expected));
        }
    }

    [Test]
    public async Task Execute_PersonEmailWithoutRoomId_IsLeftToWebexBecauseComplianceOfficersMayDoIt()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, MembershipsUrl).Respond(request => ConnectorHarness.Page(requests, request, Fixture.MembershipsPage1));

        var result = await harness.RunOneAsync("list_memberships", """{"person_email": "john.andersen@example.com"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(ConnectorHarness.Query(requests.Single()), Is.EquivalentTo(new Dictionary<string, string?>
            {
                ["personEmail"] = "john.andersen@example.com",
                ["max"] = "1000",
            }));
        }
    }

    [Test]
    public async Task Execute_PersonFilterRefusedByWebex_FailsWithWebexText()
    {
        using var harness = new ConnectorHarness();
        harness.When(HttpMethod.Get, MembershipsUrl).Respond(_ => ConnectorHarness.JsonResponse(
            HttpStatusCode.BadRequest,
            """{"message":"roomId is required when filtering by personId or personEmail.","errors":[{"description":"roomId is required when filtering by personId or personEmail."}],"trackingId":"ROUTER_400"}"""));

        var result = await harness.RunOneAsync("list_memberships", $$"""{"person_id": "{{PersonId}}"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Is.EqualTo(
                "Error listing memberships. Status code: 400. Details: roomId is required when filtering by personId or personEmail. Tracking ID: ROUTER_400"));
            Assert.That(harness.RequestCount, Is.EqualTo(1), "a 400 is not retried");
        }
    }

    [Test]
    public async Task Execute_TwoPages_FollowsTheLinkAndCountsEveryMembership()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        var first = harness.When(HttpMethod.Get, MembershipsUrl).With(r => r.RequestUri!.Query == $"?roomId={RoomId}&max=1000")
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request => ConnectorHarness.Page(requests, request, Fixture.MembershipsPage1, SecondUrl));
        var second = harness.When(HttpMethod.Get, MembershipsUrl).With(r => r.RequestUri!.AbsoluteUri == SecondUrl)
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request => ConnectorHarness.Page(requests, request, Fixture.MembershipsPage2));

        var result = await harness.RunOneAsync("list_memberships", $$"""{"room_id": "{{RoomId}}"}""");

        var expected = new[] { Fixture.MembershipsPage1, Fixture.MembershipsPage2 }.SelectMany(Fixture.Items).Select(e => e.GetRawText());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(result.Message, Is.EqualTo("Total memberships: 3"));
            Assert.That(result.Summary["total_memberships"]?.GetValue<int>(), Is.EqualTo(3));
            Assert.That(result.Data.Select(d => d.GetRawText()), Is.EqualTo(expected), "every field, unknown ones included, unchanged");
            Assert.That(new[] { first, second }.Select(harness.Http.GetMatchCount), Has.All.EqualTo(1));
            Assert.That(harness.RequestCount, Is.EqualTo(2));
        }
    }

    [TestCase("""{"person_id": "P", "person_email": "john.andersen@example.com"}""", "at most one of person_id, person_email (2 given)", TestName = "Execute_BothPersonIdAndEmail_FailsWithoutRequest")]
    [TestCase("""{"room_id": "R", "person_email": "john"}""", "'person_email'", TestName = "Execute_PersonEmailNotAnAddress_FailsWithoutRequest")]
    [TestCase("""{"limit": 0}""", "'limit'", TestName = "Execute_LimitZero_FailsWithoutRequest")]
    [TestCase("""{"limit": "-4"}""", "'limit'", TestName = "Execute_NegativeLimit_FailsWithoutRequest")]
    [TestCase("""{"limit": "all"}""", "'limit'", TestName = "Execute_LimitNotANumber_FailsWithoutRequest")]
    [TestCase("""{"room_id": 12}""", "'room_id'", TestName = "Execute_RoomIdNotAString_FailsWithoutRequest")]
    public async Task Execute_InvalidParameters_FailNamingThemWithoutRequest(string parameters, string expected)
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("list_memberships", parameters);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.Contain(expected));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    private static string Id(JsonElement membership) => membership.GetProperty("id").GetString()!;
}

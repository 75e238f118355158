using System.Net;
using RichardSzalay.MockHttp;
using WebexConnector.Actions;

namespace WebexConnector.Tests.Actions;

public class CreateRoomActionTests
{
    private const string RoomsUrl = ConnectorHarness.BaseUrl + "/rooms";
    private const string TeamId = "Y2lzY29zcGFyazovL3VzL1JPT00vNjRlNDVhZTAtYzQ2Yi0xMWU1LTlkZjktMGQ0MWUzNDIxOTcz";
    private const string ClassificationId = "Y2lzY29zcGFyazovL3VzL0NMQVNTSUZJQ0FUSU9OL2YyMDUyZTgyLTU0ZjgtMTFlYS1hMmUzLTJlNzI4Y2U4ODEyNQ";
    private static readonly string[] WriteScope = ["spark:rooms_write"];
    private static readonly string[] RequiredParameters = ["title"];

    [Test]
    public void Definition_ChangesWebex_GenericWithWriteScopeAndUncertainOutcomeNote()
    {
        var definition = ActionCatalog.Find("create_room");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(definition, Is.SameAs(CreateRoomAction.Definition));
            Assert.That(definition!.Type, Is.EqualTo(ActionType.Generic));
            Assert.That(definition.ReadOnly, Is.False);
            Assert.That(definition.WebexCall, Is.EqualTo("POST /rooms"));
            Assert.That(definition.RequiredScopes, Is.EqualTo(WriteScope));
            Assert.That(definition.UncertainOutcomeNote, Is.EqualTo("The room may or may not have been created; list the rooms before creating it again."));
            Assert.That(definition.Parameters.Where(p => p.Required).Select(p => p.Name), Is.EqualTo(RequiredParameters));
        }
    }

    [Test]
    public async Task Execute_TitleOnly_PostsOnlyTheTitleAndReturnsTheRoomUnchanged()
    {
        using var harness = new ConnectorHarness();
        var bodies = new List<string>();
        harness.When(HttpMethod.Post, RoomsUrl)
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request => CreatedAsync(bodies, request));

        var result = await harness.RunOneAsync("create_room", """{"title": "Incident 4711 - Phishing wave"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(bodies, Is.EqualTo(One("""{"title":"Incident 4711 - Phishing wave"}""")));
            Assert.That(result.Message, Is.EqualTo("Room created"));
            Assert.That(result.Data.Select(d => d.GetRawText()), Is.EqualTo(One(Fixture.Json(Fixture.RoomCreated).GetRawText())));
            Assert.That(result.Summary, Is.Empty);
        }
    }

    [Test]
    public async Task Execute_EveryParameter_PostsTheSpecFieldsInSpecOrder()
    {
        using var harness = new ConnectorHarness();
        var bodies = new List<string>();
        harness.When(HttpMethod.Post, RoomsUrl).Respond(request => CreatedAsync(bodies, request));

        var result = await harness.RunOneAsync("create_room", $$"""
            {"title": "Project Unicorn - Sprint 0", "team_id": "{{TeamId}}", "classification_id": "{{ClassificationId}}",
             "is_locked": true, "is_public": true, "description": "Company Announcements", "is_announcement_only": true}
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(bodies, Is.EqualTo(One($$"""{"title":"Project Unicorn - Sprint 0","teamId":"{{TeamId}}","classificationId":"{{ClassificationId}}","isLocked":true,"isPublic":true,"description":"Company Announcements","isAnnouncementOnly":true}""")));
        }
    }

    [TestCase("false", "\"false\"", "false", TestName = "Execute_FlagsFalse_AreSentAsFalse")]
    [TestCase("\"False\"", "false", "\"FALSE\"", TestName = "Execute_FlagsFalseAsStrings_AreSentAsJsonFalse")]
    public async Task Execute_FalseFlags_AreSentAsFalse(string locked, string isPublic, string announcementOnly)
    {
        using var harness = new ConnectorHarness();
        var bodies = new List<string>();
        harness.When(HttpMethod.Post, RoomsUrl).Respond(request => CreatedAsync(bodies, request));

        var result = await harness.RunOneAsync("create_room",
            $$"""{"title": "War room", "is_locked": {{locked}}, "is_public": {{isPublic}}, "is_announcement_only": {{announcementOnly}}}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(bodies, Is.EqualTo(One("""{"title":"War room","isLocked":false,"isPublic":false,"isAnnouncementOnly":false}""")));
        }
    }

    [Test]
    public async Task Execute_LockedAnnouncementRoom_IsOne()
    {
        using var harness = new ConnectorHarness();
        var bodies = new List<string>();
        harness.When(HttpMethod.Post, RoomsUrl).Respond(request => CreatedAsync(bodies, request));

        var result = await harness.RunOneAsync("create_room", """{"title": "Status", "is_locked": "true", "is_announcement_only": true}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(bodies, Is.EqualTo(One("""{"title":"Status","isLocked":true,"isAnnouncementOnly":true}""")));
        }
    }

    [TestCase("""{"title": "x", "is_announcement_only": true}""", "is_announcement_only",
        TestName = "Execute_AnnouncementOnlyWithoutIsLocked_FailsWithoutRequest")]
    [TestCase("""{"title": "x", "is_announcement_only": true, "is_locked": false}""", "is_announcement_only",
        TestName = "Execute_AnnouncementOnlyWithIsLockedFalse_FailsWithoutRequest")]
    [TestCase("""{"title": "x", "is_public": true}""", "is_public", TestName = "Execute_PublicWithoutDescription_FailsWithoutRequest")]
    [TestCase("""{"title": "x", "is_public": true, "description": "  "}""", "is_public", TestName = "Execute_PublicWithBlankDescription_FailsWithoutRequest")]
    [TestCase("""{"title": "x", "is_public": true, "description": ""}""", "is_public", TestName = "Execute_PublicWithEmptyDescription_FailsWithoutRequest")]
    public async Task Execute_BreaksASpecRule_FailsNamingTheParameterWithoutRequest(string parameters, string name)
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("create_room", parameters);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.StartWith($"Parameter '{name}' needs"));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    [TestCase("{}", "title", TestName = "Execute_MissingTitle_FailsWithoutRequest")]
    [TestCase("""{"title": ""}""", "title", TestName = "Execute_EmptyTitle_FailsWithoutRequest")]
    [TestCase("""{"title": 42}""", "title", TestName = "Execute_TitleAsNumber_FailsWithoutRequest")]
    [TestCase("""{"title": "x", "is_locked": "yes"}""", "is_locked", TestName = "Execute_IsLockedNotBoolean_FailsWithoutRequest")]
    [TestCase("""{"title": "x", "is_public": 1}""", "is_public", TestName = "Execute_IsPublicAsNumber_FailsWithoutRequest")]
    [TestCase("""{"title": "x", "team_id": ["a"]}""", "team_id", TestName = "Execute_TeamIdAsList_FailsWithoutRequest")]
    public async Task Execute_InvalidParameter_FailsNamingItWithoutRequest(string parameters, string name)
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("create_room", parameters);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.Contain($"'{name}'"));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    [Test]
    public async Task Execute_WebexRejects_FailsWithStatusWebexTextAndTrackingId()
    {
        using var harness = new ConnectorHarness();
        harness.When(HttpMethod.Post, RoomsUrl).Respond(_ => ConnectorHarness.JsonResponse(
            HttpStatusCode.BadRequest, """{"message":"Unknown team.","errors":[{"description":"Unknown team."}],"trackingId":"ROUTER_TEAM"}"""));

        var result = await harness.RunOneAsync("create_room", """{"title": "x", "team_id": "Y2lzY29zcGFyazovL3VzL1RFQU0vbm9uZQ"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Is.EqualTo("Error creating room. Status code: 400. Details: Unknown team. Tracking ID: ROUTER_TEAM"));
        }
    }

    private static async Task<HttpResponseMessage> CreatedAsync(List<string> bodies, HttpRequestMessage request)
    {
        bodies.Add(request.Content is null ? "(no body)" : await request.Content.ReadAsStringAsync());
        return ConnectorHarness.JsonResponse(HttpStatusCode.OK, Fixture.Text(Fixture.RoomCreated));
    }

    /// <summary>A list of exactly this one item (request bodies, returned objects).</summary>
    private static string[] One(string item) => [item];
}

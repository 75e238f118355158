using System.Net;
using System.Text.Json.Nodes;
using RichardSzalay.MockHttp;
using WebexConnector.Actions;

namespace WebexConnector.Tests.Actions;

public class ListMeetingsActionTests
{
    private const string MeetingsUrl = ConnectorHarness.BaseUrl + "/meetings";
    private const string RoomId = "Y2lzY29zcGFyazovL3VzL1JPT00vNDMzZjk0ZjAtOTZhNi0xMWViLWJhOTctOTU3OTNjZDhiY2Q2";
    private static readonly string[] ReadScope = ["meeting:schedules_read"];
    private static readonly string[] LastTwo = ["m5", "m6"];
    private static readonly string[] TwoPageQueries = ["?max=6", "?cursor=abc&max=3"];

    [Test]
    public void Definition_Listing_ReadOnlyInvestigateWithReadScope()
    {
        var definition = ActionCatalog.Find("list_meetings")!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(definition.Type, Is.EqualTo(ActionType.Investigate));
            Assert.That(definition.ReadOnly, Is.True);
            Assert.That(definition.RequiredScopes, Is.EqualTo(ReadScope));
            Assert.That(definition.Output.Select(o => o.DataPath), Does.Contain("action_result.summary.total_meetings"));
        }
    }

    [Test]
    public async Task Execute_NoParameters_AsksForPagesOf100WithoutFilters()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, MeetingsUrl)
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request => ConnectorHarness.Page(requests, request, Fixture.MeetingsPage1));

        var result = await harness.RunOneAsync("list_meetings");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(ConnectorHarness.Query(requests.Single()), Is.EquivalentTo(new Dictionary<string, string?> { ["max"] = "100" }), "Webex's largest page for meetings is 100");
            Assert.That(result.Message, Is.EqualTo("Total meetings: 4"));
            Assert.That(result.Summary["total_meetings"]?.GetValue<int>(), Is.EqualTo(4));
            Assert.That(result.Data.Select(d => d.GetRawText()), Is.EqualTo(Fixture.Items(Fixture.MeetingsPage1).Select(i => i.GetRawText())));
        }
    }

    [Test]
    public async Task Execute_EveryFilter_IsSentWithTheSpecQueryNamesInSpecOrder()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, MeetingsUrl).Respond(request => ConnectorHarness.Page(requests, request, Fixture.MeetingsPage1));
        var parameters = new JsonObject
        {
            ["from"] = "2019-03-18T09:30:00+08:00",
            ["to"] = "2019-03-25T09:30:00+08:00",
            ["meeting_type"] = "MEETING",
            ["state"] = "ended",
            ["room_id"] = RoomId,
            ["has_recording"] = "true",
            ["has_transcription"] = false,
            ["has_summary"] = true,
            ["host_email"] = "john.andersen@example.com",
            ["limit"] = 7,
        };

        var result = await harness.RunOneAsync("list_meetings", parameters.ToJsonString());

        Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
        Assert.That(requests.Single().Query, Is.EqualTo(
            "?roomId=" + RoomId + "&max=7&from=2019-03-18T09%3A30%3A00%2B08%3A00&to=2019-03-25T09%3A30%3A00%2B08%3A00&meetingType=meeting"
            + "&state=ended&hasRecording=true&hasTranscription=false&hasSummary=true&hostEmail=john.andersen%40example.com"));
    }

    [Test]
    public async Task Execute_TwoPages_FollowsTheLinkAndStopsAtTheLimit()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        const string next = MeetingsUrl + "?cursor=abc&max=3";
        harness.When(HttpMethod.Get, MeetingsUrl).Respond(request =>
        {
            if (!request.RequestUri!.Query.Contains("cursor", StringComparison.Ordinal))
            {
                return ConnectorHarness.Page(requests, request, Fixture.MeetingsPage1, next);
            }

            requests.Add(request.RequestUri);
            return ConnectorHarness.JsonResponse(HttpStatusCode.OK, """{"items":[{"id":"m5"},{"id":"m6"},{"id":"m7"}]}""");
        });

        var result = await harness.RunOneAsync("list_meetings", """{"limit": 6}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(requests.Select(r => r.Query), Is.EqualTo(TwoPageQueries));
            Assert.That(result.Data.Select(d => d.GetProperty("id").GetString()).Skip(4), Is.EqualTo(LastTwo));
        }
    }

    [Test]
    public async Task Execute_FromAfterTo_FailsNamingBothWithoutRequest()
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("list_meetings", """{"from": "2026-01-02T00:00:00Z", "to": "2026-01-01T00:00:00Z"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Is.EqualTo("Parameter 'to' must be at or after 'from'; got from 2026-01-02T00:00:00Z and to 2026-01-01T00:00:00Z."));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    [TestCase("""{"state": "running"}""", "'state'")]
    [TestCase("""{"meeting_type": "series"}""", "'meeting_type'")]
    [TestCase("""{"has_recording": "yes"}""", "'has_recording'")]
    [TestCase("""{"from": "yesterday"}""", "'from'")]
    [TestCase("""{"host_email": "admin"}""", "'host_email'")]
    public async Task Execute_InvalidParameter_FailsNamingItWithoutRequest(string parameters, string name)
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("list_meetings", parameters);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.Contain(name));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }
}

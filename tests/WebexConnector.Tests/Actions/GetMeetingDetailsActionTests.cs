using System.Net;
using RichardSzalay.MockHttp;
using WebexConnector.Actions;

namespace WebexConnector.Tests.Actions;

public class GetMeetingDetailsActionTests
{
    private const string MeetingId = "870f51ff287b41be84648412901e0402";
    private const string MeetingUrl = ConnectorHarness.BaseUrl + "/meetings/" + MeetingId;
    private static readonly string[] ReadScope = ["meeting:schedules_read"];
    private static readonly string[] MeetingIdType = ["webex meeting id"];

    [Test]
    public void Definition_Read_InvestigateWithReadScope()
    {
        var definition = ActionCatalog.Find("get_meeting_details")!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(definition.Type, Is.EqualTo(ActionType.Investigate));
            Assert.That(definition.ReadOnly, Is.True);
            Assert.That(definition.RequiredScopes, Is.EqualTo(ReadScope));
            Assert.That(definition.Output.Single(o => o.DataPath == "action_result.data.*.id").Contains, Is.EqualTo(MeetingIdType));
        }
    }

    [Test]
    public async Task Execute_IdOnly_GetsTheMeetingWithoutQueryAndReturnsItUnchanged()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, MeetingUrl)
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request => ConnectorHarness.Page(requests, request, Fixture.MeetingDetails));

        var result = await harness.RunOneAsync("get_meeting_details", $$"""{"meeting_id": "{{MeetingId}}"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(result.Message, Is.EqualTo("Successfully retrieved meeting details"));
            Assert.That(requests.Single().Query, Is.Empty);
            Assert.That(result.Data.Select(d => d.GetRawText()), Is.EqualTo(new[] { Fixture.Json(Fixture.MeetingDetails).GetRawText() }));
        }
    }

    [TestCase("true", "?current=true&hostEmail=john.andersen%40example.com")]
    [TestCase("false", "?current=false&hostEmail=john.andersen%40example.com")]
    public async Task Execute_CurrentAndHostEmail_AreSentAsSpecQueryParameters(string current, string expectedQuery)
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, MeetingUrl).Respond(request => ConnectorHarness.Page(requests, request, Fixture.MeetingDetails));

        var result = await harness.RunOneAsync("get_meeting_details",
            $$"""{"meeting_id": "{{MeetingId}}", "current": "{{current}}", "host_email": "john.andersen@example.com"}""");

        Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
        Assert.That(requests.Single().Query, Is.EqualTo(expectedQuery));
    }

    [Test]
    public async Task Execute_IdWithSlash_StaysOnePathSegment()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.Http.Fallback.Respond(request => ConnectorHarness.Page(requests, request, Fixture.MeetingDetails));

        await harness.RunOneAsync("get_meeting_details", """{"meeting_id": "abc/def?x"}""");

        Assert.That(requests.Single().AbsolutePath, Is.EqualTo("/v1/meetings/abc%2Fdef%3Fx"));
    }
}

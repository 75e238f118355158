using RichardSzalay.MockHttp;
using WebexConnector.Actions;

namespace WebexConnector.Tests.Actions;

public class RetrieveMeetingParticipantsActionTests
{
    private const string NextUrl = MeetingFixtures.ParticipantsUrl + "?cursor=cGFydGljaXBhbnRzPTI&max=100";

    [Test]
    public async Task Execute_EveryParameter_IsSentWithTheSpecQueryNames()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, MeetingFixtures.ParticipantsUrl)
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request => ConnectorHarness.Page(requests, request, MeetingFixtures.ParticipantsPage2));

        var result = await harness.RunOneAsync("retrieve_meeting_participants", $$"""
            {"meeting_id": "{{MeetingFixtures.MeetingId}}", "breakout_session_id": "2e373567-465b-8530-a18a-7025e1871d40",
             "meeting_start_time_from": "2026-01-01T00:00:00Z", "meeting_start_time_to": "2026-01-31T00:00:00+01:00",
             "host_email": "janeDoe@cisco.com", "join_time_from": "2026-01-05T08:00:00Z", "join_time_to": "2026-01-05T18:00:00Z",
             "limit": 20}
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(ConnectorHarness.Query(requests.Single()), Is.EquivalentTo(new Dictionary<string, string?>
            {
                ["meetingId"] = MeetingFixtures.MeetingId,
                ["breakoutSessionId"] = "2e373567-465b-8530-a18a-7025e1871d40",
                ["meetingStartTimeFrom"] = "2026-01-01T00:00:00Z",
                ["meetingStartTimeTo"] = "2026-01-31T00:00:00+01:00",
                ["hostEmail"] = "janeDoe@cisco.com",
                ["joinTimeFrom"] = "2026-01-05T08:00:00Z",
                ["joinTimeTo"] = "2026-01-05T18:00:00Z",
                ["max"] = "20",
            }));
        }
    }

    [Test]
    public async Task Execute_NoLimit_AsksForPagesOf100AndFollowsTheLink()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.Http.When(NextUrl).Respond(request => ConnectorHarness.Page(requests, request, MeetingFixtures.ParticipantsPage2));
        harness.Http.When(MeetingFixtures.ParticipantsUrl)
            .Respond(request => ConnectorHarness.Page(requests, request, MeetingFixtures.ParticipantsPage1, next: NextUrl));

        var result = await harness.RunOneAsync("retrieve_meeting_participants", $$"""{"meeting_id": "{{MeetingFixtures.MeetingId}}"}""");

        var expected = Fixture.Items(MeetingFixtures.ParticipantsPage1).Concat(Fixture.Items(MeetingFixtures.ParticipantsPage2));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(requests, Has.Count.EqualTo(2));
            Assert.That(ConnectorHarness.Query(requests[0])["max"], Is.EqualTo(RetrieveMeetingParticipantsAction.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Webex serves at most 100 participants a page");
            Assert.That(requests[1].AbsoluteUri, Is.EqualTo(NextUrl), "the next link is followed as given");
            Assert.That(result.Data.Select(d => d.GetRawText()), Is.EqualTo(expected.Select(e => e.GetRawText())), "participants exactly as Webex sent them");
            Assert.That(result.Message, Is.EqualTo("Total participants: 3"));
            Assert.That(result.Summary["total_participants"]?.GetValue<int>(), Is.EqualTo(3));
        }
    }

    [TestCase("""{"meeting_id": "m", "join_time_from": "yesterday"}""", "join_time_from")]
    [TestCase("""{"meeting_id": "m", "host_email": "not-an-address"}""", "host_email")]
    [TestCase("""{"meeting_id": "m", "limit": 0}""", "limit")]
    public async Task Execute_BadParameterValue_FailsNamingItWithoutRequest(string parameters, string name)
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("retrieve_meeting_participants", parameters);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.Contain($"'{name}'"));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }
}

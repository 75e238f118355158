using System.Net;
using RichardSzalay.MockHttp;

namespace WebexConnector.Tests.Actions;

public class AiMeetingSummaryActionTests
{
    [Test]
    public async Task Execute_MeetingId_GetsTheSummaryByMeetingIdOnly()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, MeetingFixtures.SummariesUrl)
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request => ConnectorHarness.Page(requests, request, MeetingFixtures.Summaries));

        var result = await harness.RunOneAsync("ai_meeting_summary", $$"""{"meeting_id": "{{MeetingFixtures.MeetingId}}"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(ConnectorHarness.Query(requests.Single()), Is.EquivalentTo(new Dictionary<string, string?> { ["meetingId"] = MeetingFixtures.MeetingId }));
            Assert.That(result.Data.Select(d => d.GetRawText()), Is.EqualTo(Fixture.Items(MeetingFixtures.Summaries).Select(s => s.GetRawText())), "notes and actionItems as Webex sent them");
            Assert.That(result.Message, Is.EqualTo("Meeting summary found (1)"));
            Assert.That(result.Summary["meeting_id"]?.GetValue<string>(), Is.EqualTo(MeetingFixtures.MeetingId));
        }
    }

    [Test]
    public async Task Execute_RecordingIdWithSiteUrlAs3xSendsIt_ResolvesTheRecordingToItsMeetingFirstAndIgnoresTheSite()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, $"{MeetingFixtures.RecordingsUrl}/{MeetingFixtures.RecordingId}")
            .Respond(request => ConnectorHarness.Page(requests, request, MeetingFixtures.RecordingDetails));
        harness.When(HttpMethod.Get, MeetingFixtures.SummariesUrl)
            .Respond(request => ConnectorHarness.Page(requests, request, MeetingFixtures.Summaries));

        var result = await harness.RunOneAsync("ai_meeting_summary", $$"""
            {"recording_id": "{{MeetingFixtures.RecordingId}}", "site_url": "company.webex.com"}
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(requests.Select(r => r.AbsolutePath), Is.EqualTo(new[] { $"/v1/recordings/{MeetingFixtures.RecordingId}", "/v1/meetingSummaries" }));
            Assert.That(requests.Select(r => r.Host), Has.All.EqualTo("webexapis.com"), "nothing goes to the site");
            Assert.That(requests[0].Query, Is.Empty);
            Assert.That(ConnectorHarness.Query(requests[1]), Is.EquivalentTo(new Dictionary<string, string?> { ["meetingId"] = MeetingFixtures.RecordingMeetingId }));
            Assert.That(result.Summary["meeting_id"]?.GetValue<string>(), Is.EqualTo(MeetingFixtures.RecordingMeetingId));
            Assert.That(result.Parameter["site_url"]?.GetValue<string>(), Is.EqualTo("company.webex.com"), "echoed like any parameter");
        }
    }

    [Test]
    public async Task Execute_RecordingWithoutMeetingId_FailsWithoutAskingForASummary()
    {
        using var harness = new ConnectorHarness();
        harness.When(HttpMethod.Get, $"{MeetingFixtures.RecordingsUrl}/{MeetingFixtures.RecordingId}")
            .Respond("application/json", $$"""{"id": "{{MeetingFixtures.RecordingId}}", "topic": "No meeting"}""");
        var summaries = harness.When(HttpMethod.Get, MeetingFixtures.SummariesUrl).Respond("application/json", Fixture.Text(MeetingFixtures.Summaries));

        var result = await harness.RunOneAsync("ai_meeting_summary", $$"""{"recording_id": "{{MeetingFixtures.RecordingId}}"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.StartWith("Error getting meeting summary.").And.Contain("no meetingId"));
            Assert.That(harness.Http.GetMatchCount(summaries), Is.Zero);
        }
    }

    [Test]
    public async Task Execute_AnswerIsOneSummaryObject_ReturnsItAsTheOneSummary()
    {
        using var harness = new ConnectorHarness();
        var summary = Fixture.Items(MeetingFixtures.Summaries)[0].GetRawText();
        harness.When(HttpMethod.Get, MeetingFixtures.SummariesUrl).Respond("application/json", summary);

        var result = await harness.RunOneAsync("ai_meeting_summary", $$"""{"meeting_id": "{{MeetingFixtures.MeetingId}}"}""");

        Assert.That(result.Data.Select(d => d.GetRawText()), Is.EqualTo(new[] { summary }));
    }

    [Test]
    public async Task Execute_NoSummary_SucceedsWithNoData()
    {
        using var harness = new ConnectorHarness();
        harness.When(HttpMethod.Get, MeetingFixtures.SummariesUrl).Respond(_ => ConnectorHarness.JsonResponse(HttpStatusCode.OK, Fixture.Text(MeetingFixtures.Empty)));

        var result = await harness.RunOneAsync("ai_meeting_summary", $$"""{"meeting_id": "{{MeetingFixtures.MeetingId}}"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(result.Message, Is.EqualTo("No meeting summary found for the meeting"));
            Assert.That(result.Data, Is.Empty);
            Assert.That(result.Summary["total_summaries"]?.GetValue<int>(), Is.Zero);
        }
    }

    [TestCase("""{"meeting_id": "m", "recording_id": "r"}""", TestName = "Execute_MeetingIdAndRecordingId_FailsWithoutRequest")]
    [TestCase("""{"site_url": "company.webex.com"}""", TestName = "Execute_SiteUrlAlone_FailsWithoutRequest")]
    public async Task Execute_NotExactlyOneOfMeetingIdAndRecordingId_FailsWithoutRequest(string parameters)
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("ai_meeting_summary", parameters);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.Contain("exactly one of meeting_id, recording_id"));
            Assert.That(harness.Http.GetMatchCount(harness.Http.Fallback), Is.Zero);
        }
    }
}

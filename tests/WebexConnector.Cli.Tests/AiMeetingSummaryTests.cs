using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>ai_meeting_summary: the documented /meetingSummaries by meeting id, or by a recording's meeting; 3.x's site_url accepted.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class AiMeetingSummaryTests : CliTestBase
{
    private const string MeetingId = "0ed74a1c0551494fb7a04e2881bf50ae_I_166022169160077044";

    [Test]
    public async Task AiMeetingSummary_MeetingId_ReturnsTheSummaryAsWebexSentIt()
    {
        var summary = Server.AddMeetingSummary(MeetingId, "<p>Contained.</p>", "Rotate the keys", "Brief the CISO");

        var result = await RunOperatorAsync("ai-meeting-summary", "--meeting-id", MeetingId);

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.Requests.Select(r => r.PathAndQuery), Is.EqualTo(new[] { $"/v1/meetingSummaries?meetingId={MeetingId}" }));
            AssertJsonEqual(actionResult["data"], new JsonArray(summary.DeepClone()), "data");
            Assert.That(Str(actionResult["summary"]?["meeting_id"]), Is.EqualTo(MeetingId));
        }
    }

    [Test]
    public async Task AiMeetingSummary_3xRunDocumentWithRecordingIdAndSiteUrl_ResolvesTheRecordingsMeeting()
    {
        var recording = Server.AddRecording(MeetingId);
        var summary = Server.AddMeetingSummary(MeetingId);

        var result = await RunDocumentAsync(RunDocument("ai_meeting_summary", new JsonObject
        {
            ["recording_id"] = Str(recording["id"]),
            ["site_url"] = "example.webex.com",
        }));

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.Requests.Select(r => r.PathAndQuery), Is.EqualTo(new[]
            {
                $"/v1/recordings/{Str(recording["id"])}",
                $"/v1/meetingSummaries?meetingId={MeetingId}",
            }));
            AssertJsonEqual(actionResult["data"]?[0], summary, "data[0]");
            Assert.That(Str(actionResult["parameter"]?["site_url"]), Is.EqualTo("example.webex.com"));
        }
    }
}

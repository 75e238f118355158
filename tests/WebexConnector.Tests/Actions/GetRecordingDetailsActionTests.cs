using System.Net;
using System.Text.Json;
using RichardSzalay.MockHttp;

namespace WebexConnector.Tests.Actions;

public class GetRecordingDetailsActionTests
{
    private static readonly string[] ListedIds =
        [.. Fixture.Items(MeetingFixtures.RecordingsList).Select(r => r.GetProperty("id").GetString()!)];

    [Test]
    public async Task Execute_RecordingId_GetsItsDetailsWithHostEmail()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, $"{MeetingFixtures.RecordingsUrl}/{MeetingFixtures.RecordingId}")
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request => ConnectorHarness.Page(requests, request, MeetingFixtures.RecordingDetails));

        var result = await harness.RunOneAsync("get_recording_details", $$"""
            {"recording_id": "{{MeetingFixtures.RecordingId}}", "host_email": "host@example.com"}
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(ConnectorHarness.Query(requests.Single()), Is.EquivalentTo(new Dictionary<string, string?> { ["hostEmail"] = "host@example.com" }));
            Assert.That(result.Data.Select(d => d.GetRawText()), Is.EqualTo(new[] { Fixture.Json(MeetingFixtures.RecordingDetails).GetRawText() }));
            Assert.That(result.Message, Is.EqualTo("Recordings found: 1"));
            Assert.That(result.Summary["total_recordings"]?.GetValue<int>(), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Execute_MeetingId_ListsItsRecordingsThenGetsEachForItsDownloadLinks()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.Http.Fallback.Respond(request =>
        {
            var path = request.RequestUri!.AbsolutePath;
            return path == "/v1/recordings"
                ? ConnectorHarness.Page(requests, request, MeetingFixtures.RecordingsList)
                : ConnectorHarness.JsonResponse(HttpStatusCode.OK, Details(path["/v1/recordings/".Length..], requests, request));
        });

        var result = await harness.RunOneAsync("get_recording_details", $$"""{"meeting_id": "{{MeetingFixtures.RecordingMeetingId}}"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(ConnectorHarness.Query(requests[0]), Is.EquivalentTo(new Dictionary<string, string?>
            {
                ["meetingId"] = MeetingFixtures.RecordingMeetingId,
                ["max"] = "100",
            }));
            Assert.That(requests.Skip(1).Select(r => r.AbsolutePath), Is.EqualTo(ListedIds.Select(id => $"/v1/recordings/{id}")));
            Assert.That(result.Data.Select(d => d.GetProperty("id").GetString()), Is.EqualTo(ListedIds));
            Assert.That(result.Data.Select(d => d.TryGetProperty("temporaryDirectDownloadLinks", out _)), Has.All.True, "the details, not the listing");
            Assert.That(result.Summary["total_recordings"]?.GetValue<int>(), Is.EqualTo(3));
        }
    }

    [Test]
    public async Task Execute_MeetingWithoutRecordings_SucceedsWithNoData()
    {
        using var harness = new ConnectorHarness();
        harness.When(HttpMethod.Get, MeetingFixtures.RecordingsUrl).Respond("application/json", Fixture.Text(MeetingFixtures.Empty));

        var result = await harness.RunOneAsync("get_recording_details", $$"""{"meeting_id": "{{MeetingFixtures.RecordingMeetingId}}"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(result.Message, Is.EqualTo("No recording found for the meeting"));
            Assert.That(result.Data, Is.Empty);
            Assert.That(result.Summary["total_recordings"]?.GetValue<int>(), Is.Zero);
        }
    }

    [TestCase("""{"recording_id": "r", "meeting_id": "m"}""", TestName = "Execute_RecordingIdAndMeetingId_FailsWithoutRequest")]
    [TestCase("""{"host_email": "host@example.com"}""", TestName = "Execute_NeitherRecordingIdNorMeetingId_FailsWithoutRequest")]
    public async Task Execute_NotExactlyOneOfRecordingIdAndMeetingId_FailsWithoutRequest(string parameters)
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("get_recording_details", parameters);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.Contain("exactly one of recording_id, meeting_id"));
            Assert.That(harness.RequestCount, Is.Zero);
            Assert.That(harness.Http.GetMatchCount(harness.Http.Fallback), Is.Zero);
        }
    }

    // The spec's details example, under the id asked for.
    private static string Details(string id, List<Uri> requests, HttpRequestMessage request)
    {
        requests.Add(request.RequestUri!);
        var details = System.Text.Json.Nodes.JsonNode.Parse(Fixture.Text(MeetingFixtures.RecordingDetails))!;
        details["id"] = id;
        return details.ToJsonString(new JsonSerializerOptions());
    }
}

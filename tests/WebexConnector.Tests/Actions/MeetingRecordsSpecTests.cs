using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using RichardSzalay.MockHttp;

namespace WebexConnector.Tests.Actions;

/// <summary>
/// The meeting-record actions, run with every parameter they have, send only query parameters that Webex's meetings
/// OpenAPI spec (<c>Fixtures/spec/webex-meeting.openapi.json</c>) declares for the path they call.
/// </summary>
public class MeetingRecordsSpecTests
{
    private const string Email = "host@example.com";

    /// <summary>Each action with every parameter (of a choice, each alternative in turn).</summary>
    public static IEnumerable<TestCaseData> FullParameterSets()
    {
        yield return Case("retrieve_meeting_participants", $$"""
            {"meeting_id": "{{MeetingFixtures.MeetingId}}", "breakout_session_id": "b", "meeting_start_time_from": "2026-01-01T00:00:00Z",
             "meeting_start_time_to": "2026-01-02T00:00:00Z", "host_email": "{{Email}}", "join_time_from": "2026-01-01T00:00:00Z",
             "join_time_to": "2026-01-02T00:00:00Z", "limit": 5}
            """);
        yield return Case("get_recording_details", $$"""{"recording_id": "{{MeetingFixtures.RecordingId}}", "host_email": "{{Email}}"}""");
        yield return Case("get_recording_details", $$"""{"meeting_id": "{{MeetingFixtures.RecordingMeetingId}}", "host_email": "{{Email}}"}""");
        yield return Case("ai_meeting_summary", $$"""{"meeting_id": "{{MeetingFixtures.MeetingId}}"}""");
        yield return Case("ai_meeting_summary", $$"""{"recording_id": "{{MeetingFixtures.RecordingId}}", "site_url": "company.webex.com"}""");
        yield return Case("get_meeting_transcript", $$"""{"meeting_id": "{{MeetingFixtures.MeetingId}}", "format": "vtt", "host_email": "{{Email}}"}""");
    }

    [TestCaseSource(nameof(FullParameterSets))]
    public async Task Execute_EveryParameter_SendsOnlyQueryNamesTheSpecDeclaresForThePath(string identifier, string parameters)
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.Http.Fallback.Respond(request => Answer(requests, request));

        var result = await harness.RunOneAsync(identifier, parameters);

        Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
        Assert.That(requests, Is.Not.Empty);
        using (Assert.EnterMultipleScope())
        {
            foreach (var request in requests)
            {
                var path = SpecPath(request.AbsolutePath);
                Assert.That(path, Is.Not.Null, $"{request.AbsolutePath} is not a path of the spec");
                if (path is not null)
                {
                    Assert.That(ConnectorHarness.Query(request).Keys, Is.SubsetOf(QueryNames(path)), $"GET {path}");
                }
            }
        }
    }

    private static TestCaseData Case(string identifier, string parameters) =>
        new TestCaseData(identifier, parameters).SetArgDisplayNames(identifier, string.Join(",", TestJson.Parse(parameters).EnumerateObject().Select(p => p.Name)));

    // Answers like Webex would for the path, from the spec's examples.
    private static HttpResponseMessage Answer(List<Uri> requests, HttpRequestMessage request)
    {
        requests.Add(request.RequestUri!);
        var path = request.RequestUri!.AbsolutePath;
        if (path.EndsWith("/download", StringComparison.Ordinal))
        {
            return MeetingFixtures.Text(MeetingFixtures.Vtt, "text/vtt");
        }

        var fixture = path switch
        {
            "/v1/meetingParticipants" => MeetingFixtures.ParticipantsPage1,
            "/v1/recordings" => MeetingFixtures.RecordingsList,
            "/v1/meetingSummaries" => MeetingFixtures.Summaries,
            "/v1/meetingTranscripts" => MeetingFixtures.TranscriptsOne,
            _ => MeetingFixtures.RecordingDetails,
        };
        return ConnectorHarness.JsonResponse(HttpStatusCode.OK, Fixture.Text(fixture));
    }

    private static JsonElement Spec => Fixture.Json("spec/webex-meeting.openapi.json");

    /// <summary>The spec's path template (e.g. <c>/recordings/{recordingId}</c>) that a request path matches, or null.</summary>
    private static string? SpecPath(string requestPath)
    {
        var below = requestPath.StartsWith("/v1/", StringComparison.Ordinal) ? requestPath[3..] : requestPath;
        return Spec.GetProperty("paths").EnumerateObject().Select(p => p.Name).FirstOrDefault(template =>
            Regex.IsMatch(below, "^" + Regex.Replace(Regex.Escape(template), @"\\\{[^/]+?}", "[^/]+") + "$", RegexOptions.None, TimeSpan.FromSeconds(1)));
    }

    private static List<string> QueryNames(string path) =>
        [.. Spec.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "query")
            .Select(p => p.GetProperty("name").GetString()!)];
}

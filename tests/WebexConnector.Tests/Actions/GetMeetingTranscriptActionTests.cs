using System.Text;
using RichardSzalay.MockHttp;
using WebexConnector.Actions;

namespace WebexConnector.Tests.Actions;

public class GetMeetingTranscriptActionTests
{
    [Test]
    public async Task Execute_MeetingIdOnly_ListsItsTranscriptsThenDownloadsTheTextAsTxt()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, MeetingFixtures.DownloadUrl(MeetingFixtures.TranscriptId))
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request => Download(requests, request, "Alice: the host is isolated.\n"));
        harness.When(HttpMethod.Get, MeetingFixtures.TranscriptsUrl)
            .Respond(request => ConnectorHarness.Page(requests, request, MeetingFixtures.TranscriptsOne));

        var result = await harness.RunOneAsync("get_meeting_transcript", $$"""{"meeting_id": "{{MeetingFixtures.MeetingId}}"}""");

        var transcript = result.Data.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(ConnectorHarness.Query(requests[0]), Is.EquivalentTo(new Dictionary<string, string?>
            {
                ["meetingId"] = MeetingFixtures.MeetingId,
                ["max"] = GetMeetingTranscriptAction.MaxTranscripts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }));
            Assert.That(requests[1].AbsolutePath, Is.EqualTo($"/v1/meetingTranscripts/{MeetingFixtures.TranscriptId}/download"));
            Assert.That(ConnectorHarness.Query(requests[1]), Is.EquivalentTo(new Dictionary<string, string?> { ["format"] = "txt" }), "txt unless asked otherwise");
            Assert.That(transcript.GetProperty("transcriptId").GetString(), Is.EqualTo(MeetingFixtures.TranscriptId));
            Assert.That(transcript.GetProperty("meetingId").GetString(), Is.EqualTo(MeetingFixtures.MeetingId));
            Assert.That(transcript.GetProperty("meetingTopic").GetString(), Is.EqualTo("John's Meeting 01"));
            Assert.That(transcript.GetProperty("format").GetString(), Is.EqualTo("txt"));
            Assert.That(transcript.GetProperty("text").GetString(), Is.EqualTo("Alice: the host is isolated.\n"));
            Assert.That(transcript.GetProperty("truncated").GetBoolean(), Is.False);
            Assert.That(transcript.GetProperty("sizeBytes").GetInt64(), Is.EqualTo(29));
            Assert.That(result.Message, Is.EqualTo("Transcripts found: 1"));
            Assert.That(result.Summary["truncated"]?.GetValue<bool>(), Is.False);
        }
    }

    [Test]
    public async Task Execute_VttWithHostEmail_SendsBothToTheListingAndTheDownload()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, MeetingFixtures.DownloadUrl(MeetingFixtures.TranscriptId))
            .Respond(request => Download(requests, request, MeetingFixtures.Vtt, "text/vtt"));
        harness.When(HttpMethod.Get, MeetingFixtures.TranscriptsUrl)
            .Respond(request => ConnectorHarness.Page(requests, request, MeetingFixtures.TranscriptsOne));

        var result = await harness.RunOneAsync("get_meeting_transcript", $$"""
            {"meeting_id": "{{MeetingFixtures.MeetingId}}", "format": "VTT", "host_email": "host@example.com"}
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(ConnectorHarness.Query(requests[0])["hostEmail"], Is.EqualTo("host@example.com"));
            Assert.That(ConnectorHarness.Query(requests[1]), Is.EquivalentTo(new Dictionary<string, string?> { ["format"] = "vtt", ["hostEmail"] = "host@example.com" }));
            Assert.That(result.Data.Single().GetProperty("text").GetString(), Is.EqualTo(MeetingFixtures.Vtt));
            Assert.That(result.Data.Single().GetProperty("format").GetString(), Is.EqualTo("vtt"));
        }
    }

    [Test]
    public async Task Execute_TranscriptOverTheCap_IsCutAtACharacterBoundaryAndTheMessageSaysSo()
    {
        using var harness = new ConnectorHarness();
        // "é" is two bytes: with an odd number of ASCII bytes first, the cap falls inside a character.
        var text = "x" + string.Concat(Enumerable.Repeat("é", GetMeetingTranscriptAction.MaxTextBytes));
        harness.When(HttpMethod.Get, MeetingFixtures.DownloadUrl(MeetingFixtures.TranscriptId)).Respond(_ => MeetingFixtures.Text(text));
        harness.When(HttpMethod.Get, MeetingFixtures.TranscriptsUrl).Respond("application/json", Fixture.Text(MeetingFixtures.TranscriptsOne));

        var result = await harness.RunOneAsync("get_meeting_transcript", $$"""{"meeting_id": "{{MeetingFixtures.MeetingId}}"}""");

        var transcript = result.Data.Single();
        var kept = transcript.GetProperty("text").GetString()!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(Encoding.UTF8.GetByteCount(kept), Is.EqualTo(GetMeetingTranscriptAction.MaxTextBytes - 1), "the split character is dropped whole");
            Assert.That(text, Does.StartWith(kept));
            Assert.That(kept, Does.Not.Contain("\uFFFD"));
            Assert.That(transcript.GetProperty("truncated").GetBoolean(), Is.True);
            Assert.That(transcript.GetProperty("sizeBytes").GetInt64(), Is.EqualTo(Encoding.UTF8.GetByteCount(text)));
            Assert.That(result.Message, Is.EqualTo(
                "Transcripts found: 1. The transcript text was cut to the first 1,048,576 bytes (UTF-8) in all; data.*.truncated says which, data.*.sizeBytes gives the full size"));
            Assert.That(result.Summary["truncated"]?.GetValue<bool>(), Is.True);
        }
    }

    [Test]
    public async Task Execute_CapSpentByTheFirstTranscript_NamesTheSecondWithoutDownloadingIt()
    {
        using var harness = new ConnectorHarness();
        var first = harness.When(HttpMethod.Get, MeetingFixtures.DownloadUrl(MeetingFixtures.TranscriptId))
            .Respond(_ => MeetingFixtures.Text(new string('a', GetMeetingTranscriptAction.MaxTextBytes + 10)));
        var second = harness.When(HttpMethod.Get, MeetingFixtures.DownloadUrl(MeetingFixtures.SecondTranscriptId))
            .Respond(_ => MeetingFixtures.Text("second"));
        harness.When(HttpMethod.Get, MeetingFixtures.TranscriptsUrl).Respond("application/json", Fixture.Text(MeetingFixtures.TranscriptsList));

        var result = await harness.RunOneAsync("get_meeting_transcript", $$"""{"meeting_id": "{{MeetingFixtures.MeetingId}}"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Data.Select(d => d.GetProperty("transcriptId").GetString()), Is.EqualTo(new[] { MeetingFixtures.TranscriptId, MeetingFixtures.SecondTranscriptId }));
            Assert.That(harness.Http.GetMatchCount(first), Is.EqualTo(1));
            Assert.That(harness.Http.GetMatchCount(second), Is.Zero, "the cap counts all transcripts together");
            Assert.That(result.Data[1].GetProperty("text").GetString(), Is.Empty);
            Assert.That(result.Data[1].GetProperty("truncated").GetBoolean(), Is.True);
            Assert.That(result.Data[1].TryGetProperty("sizeBytes", out _), Is.False, "not downloaded, so not known");
        }
    }

    [Test]
    public async Task Execute_NoTranscript_SucceedsWithNoDataAndNoDownload()
    {
        using var harness = new ConnectorHarness();
        harness.When(HttpMethod.Get, MeetingFixtures.TranscriptsUrl).Respond("application/json", Fixture.Text(MeetingFixtures.Empty));

        var result = await harness.RunOneAsync("get_meeting_transcript", $$"""{"meeting_id": "{{MeetingFixtures.MeetingId}}"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(result.Message, Is.EqualTo("No transcript found for the meeting"));
            Assert.That(result.Data, Is.Empty);
            Assert.That(harness.RequestCount, Is.EqualTo(1));
        }
    }

    [TestCase(".")]
    [TestCase("..")]
    public async Task Execute_ListedTranscriptIdIsADotSegment_FailsWithoutDownloading(string id)
    {
        using var harness = new ConnectorHarness();
        harness.When(HttpMethod.Get, MeetingFixtures.TranscriptsUrl).Respond("application/json", $$"""{"items": [{"id": "{{id}}"}]}""");

        var result = await harness.RunOneAsync("get_meeting_transcript", $$"""{"meeting_id": "{{MeetingFixtures.MeetingId}}"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Is.EqualTo("Error getting meeting transcript. Webex listed a transcript without a usable id."));
            Assert.That(harness.Http.GetMatchCount(harness.Http.Fallback), Is.Zero);
        }
    }

    [Test]
    public async Task Execute_UnknownFormat_FailsNamingItWithoutRequest()
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("get_meeting_transcript", """{"meeting_id": "m", "format": "srt"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.Contain("'format'").And.Contain("txt, vtt"));
            Assert.That(harness.Http.GetMatchCount(harness.Http.Fallback), Is.Zero);
        }
    }

    private static HttpResponseMessage Download(List<Uri> requests, HttpRequestMessage request, string text, string mediaType = "text/plain")
    {
        requests.Add(request.RequestUri!);
        return MeetingFixtures.Text(text, mediaType);
    }
}

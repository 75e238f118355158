using System.Text;

namespace WebexConnector.Cli.Tests;

/// <summary>get_meeting_transcript: the listing, then the download as text (txt or vtt), capped with a note.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class GetMeetingTranscriptTests : CliTestBase
{
    private const string MeetingId = "0ed74a1c0551494fb7a04e2881bf50ae_I_166022169160077044";
    private const string Text = "Erin: the phishing host is isolated.\nAlice: resetting the passwords now. ✓\n";

    [Test]
    public async Task GetMeetingTranscript_DefaultFormat_ReturnsThePlainText()
    {
        var transcript = Server.AddTranscript(MeetingId, Text);

        var result = await RunOperatorAsync("get-meeting-transcript", "--meeting-id", MeetingId);

        AssertSucceeded(result);
        var data = result.ActionResult()["data"]?[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.Requests.Select(r => r.PathAndQuery), Is.EqualTo(new[]
            {
                $"/v1/meetingTranscripts?meetingId={MeetingId}&max=10",
                $"/v1/meetingTranscripts/{Str(transcript["id"])}/download?format=txt",
            }));
            Assert.That(Str(data?["transcriptId"]), Is.EqualTo(Str(transcript["id"])));
            Assert.That(Str(data?["meetingId"]), Is.EqualTo(MeetingId));
            Assert.That(Str(data?["format"]), Is.EqualTo("txt"));
            Assert.That(Str(data?["text"]), Is.EqualTo(Text));
            Assert.That(data?["truncated"]?.GetValue<bool>(), Is.False);
        }
    }

    [Test]
    public async Task GetMeetingTranscript_Vtt_ReturnsTheWebVttText()
    {
        const string vtt = "WEBVTT\n\n1\n00:00:20.904 --> 00:00:24.564\nThis is an s sample recording.\n";
        Server.AddTranscript(MeetingId, Text, vtt);

        var result = await RunOperatorAsync("get-meeting-transcript", "--meeting-id", MeetingId, "--format", "vtt");

        AssertSucceeded(result);
        var data = result.ActionResult()["data"]?[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.Requests[^1].QueryValue("format"), Is.EqualTo("vtt"));
            Assert.That(Str(data?["text"]), Is.EqualTo(vtt));
            Assert.That(Str(data?["format"]), Is.EqualTo("vtt"));
        }
    }

    [Test]
    public async Task GetMeetingTranscript_LongerThan1MiB_IsCutAndTheMessageSaysSo()
    {
        var text = string.Concat(Enumerable.Repeat(Text, (2 * 1024 * 1024 / Text.Length) + 1));
        Server.AddTranscript(MeetingId, text);

        var result = await RunOperatorAsync("get-meeting-transcript", "--meeting-id", MeetingId);

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        var kept = Str(actionResult["data"]?[0]?["text"]) ?? "";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Encoding.UTF8.GetByteCount(kept), Is.InRange((1024 * 1024) - 3, 1024 * 1024));
            Assert.That(text, Does.StartWith(kept));
            Assert.That(actionResult["data"]?[0]?["truncated"]?.GetValue<bool>(), Is.True);
            Assert.That(actionResult["data"]?[0]?["sizeBytes"]?.GetValue<long>(), Is.EqualTo(Encoding.UTF8.GetByteCount(text)));
            Assert.That(Str(actionResult["message"]), Does.Contain("cut to the first 1,048,576 bytes"));
            Assert.That(actionResult["summary"]?["truncated"]?.GetValue<bool>(), Is.True);
        }
    }
}

using System.Net;
using System.Text;

namespace WebexConnector.Tests.TestSupport;

/// <summary>
/// The meeting-record fixtures under <c>Fixtures/meetings/</c> (the meetings spec's examples) and the URLs the
/// meeting-record actions call.
/// </summary>
internal static class MeetingFixtures
{
    public const string ParticipantsPage1 = "meetings/participants-page-1.json";
    public const string ParticipantsPage2 = "meetings/participants-page-2.json";
    public const string RecordingsList = "meetings/recordings-list.json";
    public const string RecordingDetails = "meetings/recording-details.json";
    public const string Summaries = "meetings/summaries.json";
    public const string TranscriptsList = "meetings/transcripts-list.json";
    public const string TranscriptsOne = "meetings/transcripts-one.json";
    public const string Empty = "meetings/empty.json";

    /// <summary>A meeting instance id as the spec's examples spell them.</summary>
    public const string MeetingId = "0ed74a1c0551494fb7a04e2881bf50ae_I_166022169160077044";

    /// <summary>The recording of <see cref="RecordingDetails"/> and the meeting it belongs to.</summary>
    public const string RecordingId = "4f914b1dfe3c4d11a61730f18c0f5387";

    public const string RecordingMeetingId = "f91b6edce9864428af084977b7c68291_I_166641849979635652";

    /// <summary>The first transcript of <see cref="TranscriptsList"/>.</summary>
    public const string TranscriptId = "8ce1f918-c138-4041-bb4a-5e01eeaadedb_M_0fc6ec11d9b6c909e04e1f6c76accda9";

    public const string SecondTranscriptId = "074d892d-c7f7-4864-95db-31f7ae94206f_M_39f4371ca39c4a98b7f6ecc74247151e";

    /// <summary>The spec's example of a downloaded transcript in WebVTT.</summary>
    public const string Vtt = "WEBVTT\n\n1\n00:00:20.904 --> 00:00:24.564\nThis is an s sample recording.\n\n2\n00:00:31.014 --> 00:00:33.744\nTesting out transcripts.\n";

    public const string ParticipantsUrl = ConnectorHarness.BaseUrl + "/meetingParticipants";
    public const string RecordingsUrl = ConnectorHarness.BaseUrl + "/recordings";
    public const string SummariesUrl = ConnectorHarness.BaseUrl + "/meetingSummaries";
    public const string TranscriptsUrl = ConnectorHarness.BaseUrl + "/meetingTranscripts";

    public static string DownloadUrl(string transcriptId) => $"{TranscriptsUrl}/{transcriptId}/download";

    /// <summary>A successful text answer, as the download endpoint gives (<c>text/plain</c> or <c>text/vtt</c>).</summary>
    public static HttpResponseMessage Text(string text, string mediaType = "text/plain") =>
        new(HttpStatusCode.OK) { Content = new StringContent(text, Encoding.UTF8, mediaType) };
}

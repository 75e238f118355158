using Refit;

namespace WebexConnector.Webex;

/// <summary>Webex meeting transcripts: <c>/meetingTranscripts</c> and <c>/meetingTranscripts/{transcriptId}/download</c>.</summary>
internal interface IMeetingTranscriptsApi
{
    /// <summary>The client Refit built this API on; used to follow opaque <c>Link</c> URLs.</summary>
    HttpClient Client { get; }

    /// <summary><c>GET /meetingTranscripts?meetingId=</c>: the transcripts of an ended meeting instance.</summary>
    /// <param name="meetingId">The meeting instance.</param>
    /// <param name="hostEmail">The host, for an admin acting on a user's meetings; not sent when null.</param>
    /// <param name="max">Page size, 1 to 100.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    [Get("/meetingTranscripts")]
    Task<HttpResponseMessage> ListMeetingTranscriptsAsync(
        [AliasAs("meetingId")] string meetingId,
        [AliasAs("hostEmail")] string? hostEmail,
        [AliasAs("max")] int max,
        CancellationToken cancellationToken);

    /// <summary>
    /// <c>GET /meetingTranscripts/{transcriptId}/download</c>: the transcript as text (<c>text/plain</c> or
    /// <c>text/vtt</c>), not JSON; read it with <see cref="WebexTextResponse"/>.
    /// </summary>
    /// <param name="transcriptId">The transcript (escaped into one path segment by Refit).</param>
    /// <param name="format"><c>txt</c> or <c>vtt</c>.</param>
    /// <param name="hostEmail">The host, for an admin acting on a user's meetings; not sent when null.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    [Get("/meetingTranscripts/{transcriptId}/download")]
    Task<HttpResponseMessage> DownloadMeetingTranscriptAsync(
        string transcriptId,
        [AliasAs("format")] string format,
        [AliasAs("hostEmail")] string? hostEmail,
        CancellationToken cancellationToken);
}

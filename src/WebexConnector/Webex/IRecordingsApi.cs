using Refit;

namespace WebexConnector.Webex;

/// <summary>Webex meeting recordings: <c>/recordings</c> and <c>/recordings/{recordingId}</c>.</summary>
internal interface IRecordingsApi
{
    /// <summary>The client Refit built this API on; used to follow opaque <c>Link</c> URLs.</summary>
    HttpClient Client { get; }

    /// <summary><c>GET /recordings?meetingId=</c>: the recordings of a meeting series, scheduled meeting or instance.</summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="hostEmail">The host, for an admin acting on a user's recordings; not sent when null.</param>
    /// <param name="max">Page size, 1 to 100.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    [Get("/recordings")]
    Task<HttpResponseMessage> ListRecordingsAsync(
        [AliasAs("meetingId")] string meetingId,
        [AliasAs("hostEmail")] string? hostEmail,
        [AliasAs("max")] int max,
        CancellationToken cancellationToken);

    /// <summary>
    /// <c>GET /recordings/{recordingId}</c>: one recording, with its <c>temporaryDirectDownloadLinks</c>, which the
    /// listing does not carry.
    /// </summary>
    [Get("/recordings/{recordingId}")]
    Task<HttpResponseMessage> GetRecordingDetailsAsync(
        string recordingId,
        [AliasAs("hostEmail")] string? hostEmail,
        CancellationToken cancellationToken);
}

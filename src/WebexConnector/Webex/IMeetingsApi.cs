using Refit;

namespace WebexConnector.Webex;

/// <summary>Webex meetings: <c>/meetings</c> and <c>/meetings/{meetingId}</c>.</summary>
/// <remarks>
/// Flags travel as the strings <c>true</c>/<c>false</c> (see <see cref="QueryFlag"/>): Refit would send a
/// <see cref="bool"/> as <c>True</c>. Query parameters are in the spec's order.
/// </remarks>
internal interface IMeetingsApi
{
    /// <summary>The client Refit built this API on; used to follow opaque <c>Link</c> URLs.</summary>
    HttpClient Client { get; }

    /// <summary>Not idempotent: a retry after a 5xx or a timeout may schedule the meeting twice.</summary>
    [Post("/meetings")]
    Task<HttpResponseMessage> CreateMeetingAsync([Body] CreateMeetingRequest meeting, CancellationToken cancellationToken);

    [Get("/meetings")]
    Task<HttpResponseMessage> ListMeetingsAsync(
        [AliasAs("roomId")] string? roomId,
        [AliasAs("max")] int max,
        [AliasAs("from")] string? from,
        [AliasAs("to")] string? to,
        [AliasAs("meetingType")] string? meetingType,
        [AliasAs("state")] string? state,
        [AliasAs("hasRecording")] string? hasRecording,
        [AliasAs("hasTranscription")] string? hasTranscription,
        [AliasAs("hasSummary")] string? hasSummary,
        [AliasAs("hostEmail")] string? hostEmail,
        CancellationToken cancellationToken);

    [Get("/meetings/{meetingId}")]
    Task<HttpResponseMessage> GetMeetingAsync(
        string meetingId,
        [AliasAs("current")] string? current,
        [AliasAs("hostEmail")] string? hostEmail,
        CancellationToken cancellationToken);

    /// <summary>Answers 204. Not retried after a 5xx or a timeout: Webex may have deleted the meeting already.</summary>
    [Delete("/meetings/{meetingId}")]
    Task<HttpResponseMessage> DeleteMeetingAsync(
        string meetingId,
        [AliasAs("hostEmail")] string? hostEmail,
        [AliasAs("sendEmail")] string? sendEmail,
        CancellationToken cancellationToken);
}

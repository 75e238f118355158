using Refit;

namespace WebexConnector.Webex;

/// <summary>Webex meeting participants: <c>/meetingParticipants</c> (who joined an in-progress or ended meeting).</summary>
internal interface IMeetingParticipantsApi
{
    /// <summary>The client Refit built this API on; used to follow opaque <c>Link</c> URLs.</summary>
    HttpClient Client { get; }

    /// <summary><c>GET /meetingParticipants</c>; unset (null) filters are not sent. Times are ISO 8601, sent as given.</summary>
    /// <param name="meetingId">The meeting (series, scheduled meeting or instance); required by Webex.</param>
    /// <param name="breakoutSessionId">Only participants of this breakout session (ended meetings).</param>
    /// <param name="meetingStartTimeFrom">Meetings starting after this time (for a series or occurrence id).</param>
    /// <param name="meetingStartTimeTo">Meetings starting before this time (for a series or occurrence id).</param>
    /// <param name="hostEmail">The host, for an admin acting on a user's meetings.</param>
    /// <param name="joinTimeFrom">Participants who joined at or after this time.</param>
    /// <param name="joinTimeTo">Participants who joined before this time.</param>
    /// <param name="max">Page size, 1 to 100.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    [Get("/meetingParticipants")]
    Task<HttpResponseMessage> ListMeetingParticipantsAsync(
        [AliasAs("meetingId")] string meetingId,
        [AliasAs("breakoutSessionId")] string? breakoutSessionId,
        [AliasAs("meetingStartTimeFrom")] string? meetingStartTimeFrom,
        [AliasAs("meetingStartTimeTo")] string? meetingStartTimeTo,
        [AliasAs("hostEmail")] string? hostEmail,
        [AliasAs("joinTimeFrom")] string? joinTimeFrom,
        [AliasAs("joinTimeTo")] string? joinTimeTo,
        [AliasAs("max")] int max,
        CancellationToken cancellationToken);
}

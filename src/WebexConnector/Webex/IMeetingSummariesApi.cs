using Refit;

namespace WebexConnector.Webex;

/// <summary>Webex AI meeting summaries: <c>/meetingSummaries</c> (notes and action items of an ended meeting instance).</summary>
internal interface IMeetingSummariesApi
{
    /// <summary><c>GET /meetingSummaries?meetingId=</c>; Webex takes no other query parameter here.</summary>
    [Get("/meetingSummaries")]
    Task<HttpResponseMessage> GetMeetingSummaryAsync(
        [AliasAs("meetingId")] string meetingId,
        CancellationToken cancellationToken);
}

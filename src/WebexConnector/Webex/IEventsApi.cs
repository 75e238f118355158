using Refit;

namespace WebexConnector.Webex;

/// <summary>Webex compliance events: <c>/events</c> (the organization's audit trail, for compliance officers).</summary>
internal interface IEventsApi
{
    /// <summary>The client Refit built this API on; used to follow opaque <c>Link</c> URLs.</summary>
    HttpClient Client { get; }

    /// <summary><c>GET /events</c>; unset (null) filters are not sent.</summary>
    /// <param name="resource">Events on this kind of resource, e.g. <c>messages</c>.</param>
    /// <param name="type">Events of this kind, e.g. <c>deleted</c>.</param>
    /// <param name="actorId">Events performed by this person.</param>
    /// <param name="fromTime">Events after this ISO 8601 time, sent as given.</param>
    /// <param name="toTime">Events before this ISO 8601 time, sent as given.</param>
    /// <param name="serviceType">Mandatory (<c>calling</c>) with <c>resource=convergedRecordings</c>, not sent otherwise.</param>
    /// <param name="max">Page size, 1 to 1000.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    [Get("/events")]
    Task<HttpResponseMessage> ListEventsAsync(
        [AliasAs("resource")] string? resource,
        [AliasAs("type")] string? type,
        [AliasAs("actorId")] string? actorId,
        [AliasAs("from")] string? fromTime,
        [AliasAs("to")] string? toTime,
        [AliasAs("serviceType")] string? serviceType,
        [AliasAs("max")] int max,
        CancellationToken cancellationToken);
}

using Refit;

namespace WebexConnector.Webex;

/// <summary>Webex rooms (spaces): <c>/rooms</c> and <c>/rooms/{roomId}</c>.</summary>
/// <remarks>
/// Calls answer the raw <see cref="HttpResponseMessage"/> so that <see cref="WebexResponses"/> can read the
/// <c>Link</c> header, stream the body once and map failures in one place. Refit escapes path values, so an id
/// with <c>/</c> or <c>?</c> stays one path segment.
/// </remarks>
internal interface IRoomsApi
{
    /// <summary>The client Refit built this API on; used to follow opaque <c>Link</c> URLs.</summary>
    HttpClient Client { get; }

    [Get("/rooms")]
    Task<HttpResponseMessage> ListRoomsAsync(
        [AliasAs("teamId")] string? teamId,
        [AliasAs("type")] string? type,
        [AliasAs("sortBy")] string? sortBy,
        [AliasAs("max")] int max,
        CancellationToken cancellationToken);

    /// <summary>Not idempotent: a retry after a 5xx or a timeout may create the room twice.</summary>
    [Post("/rooms")]
    Task<HttpResponseMessage> CreateRoomAsync([Body] CreateRoomRequest room, CancellationToken cancellationToken);

    [Get("/rooms/{roomId}")]
    Task<HttpResponseMessage> GetRoomDetailsAsync(string roomId, CancellationToken cancellationToken);

    /// <summary>Never retried after a 5xx or a timeout either: the room may already have changed.</summary>
    [Put("/rooms/{roomId}")]
    Task<HttpResponseMessage> UpdateRoomAsync(string roomId, [Body] UpdateRoomRequest room, CancellationToken cancellationToken);
}

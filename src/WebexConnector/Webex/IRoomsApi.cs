using Refit;

namespace WebexConnector.Webex;

/// <summary>Webex rooms (spaces): <c>/rooms</c>.</summary>
/// <remarks>
/// Calls answer the raw <see cref="HttpResponseMessage"/> so that <see cref="WebexResponses"/> can read the
/// <c>Link</c> header, stream the body once and map failures in one place.
/// </remarks>
public interface IRoomsApi
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
}

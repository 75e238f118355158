using Refit;

namespace WebexConnector.Webex;

/// <summary>Webex people: <c>/people</c> and <c>/people/me</c>.</summary>
public interface IPeopleApi
{
    /// <summary>The client Refit built this API on; used to follow opaque <c>Link</c> URLs.</summary>
    HttpClient Client { get; }

    [Get("/people/me")]
    Task<HttpResponseMessage> GetMyOwnDetailsAsync(CancellationToken cancellationToken);

    [Get("/people")]
    Task<HttpResponseMessage> ListPeopleAsync(
        [AliasAs("email")] string? email,
        [AliasAs("max")] int? max,
        CancellationToken cancellationToken);
}

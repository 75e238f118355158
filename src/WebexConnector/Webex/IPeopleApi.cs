using Refit;

namespace WebexConnector.Webex;

/// <summary>Webex people: <c>/people</c> and <c>/people/me</c>.</summary>
internal interface IPeopleApi
{
    /// <summary>The client Refit built this API on; used to follow opaque <c>Link</c> URLs.</summary>
    HttpClient Client { get; }

    [Get("/people/me")]
    Task<HttpResponseMessage> GetMyOwnDetailsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// <c>GET /people</c>; unset (null) filters are not sent. Webex wants <c>email</c>, <c>displayName</c> or
    /// <c>id</c> unless the token belongs to an admin.
    /// </summary>
    /// <param name="email">People with this e-mail address.</param>
    /// <param name="displayName">People whose name starts with this text.</param>
    /// <param name="id">Person ids separated by commas (Webex accepts up to 85).</param>
    /// <param name="orgId">People in this organization (admins of another organization, such as partners).</param>
    /// <param name="roles">People with these role ids, separated by commas.</param>
    /// <param name="callingData"><c>true</c> to include Webex Calling details (then Webex serves at most 100 per page); see <see cref="QueryFlag"/>.</param>
    /// <param name="locationId">People in this location (then Webex serves at most 50 per page).</param>
    /// <param name="max">Page size.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    [Get("/people")]
    Task<HttpResponseMessage> ListPeopleAsync(
        [AliasAs("email")] string? email,
        [AliasAs("displayName")] string? displayName,
        [AliasAs("id")] string? id,
        [AliasAs("orgId")] string? orgId,
        [AliasAs("roles")] string? roles,
        [AliasAs("callingData")] string? callingData,
        [AliasAs("locationId")] string? locationId,
        [AliasAs("max")] int? max,
        CancellationToken cancellationToken);
}

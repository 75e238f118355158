using Refit;

namespace WebexConnector.Webex;

/// <summary>Webex room memberships: <c>/memberships</c> and <c>/memberships/{membershipId}</c>.</summary>
internal interface IMembershipsApi
{
    /// <summary>The client Refit built this API on; used to follow opaque <c>Link</c> URLs.</summary>
    HttpClient Client { get; }

    [Get("/memberships")]
    Task<HttpResponseMessage> ListMembershipsAsync(
        [AliasAs("roomId")] string? roomId,
        [AliasAs("personId")] string? personId,
        [AliasAs("personEmail")] string? personEmail,
        [AliasAs("max")] int max,
        CancellationToken cancellationToken);

    /// <summary>Not idempotent: a retry after a 5xx or a timeout may meet a 409 for a membership the first try made.</summary>
    [Post("/memberships")]
    Task<HttpResponseMessage> CreateMembershipAsync([Body] CreateMembershipRequest membership, CancellationToken cancellationToken);

    /// <summary>Answers 204 without a body. Refit escapes the id, so it can never change the path.</summary>
    [Delete("/memberships/{membershipId}")]
    Task<HttpResponseMessage> DeleteMembershipAsync(string membershipId, CancellationToken cancellationToken);
}

namespace WebexConnector.Auth;

/// <summary>Where the bearer token for Webex calls comes from: a PAT, or an OAuth token pair.</summary>
internal interface IAccessTokenSource
{
    /// <summary>A token to send now (for OAuth, refreshed first when it is about to expire).</summary>
    ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Webex rejected <paramref name="rejectedToken"/> with 401: a new token to retry with once, or
    /// <c>null</c> when there is none to be had (a PAT cannot be refreshed).
    /// </summary>
    ValueTask<string?> RenewAfterUnauthorizedAsync(string rejectedToken, CancellationToken cancellationToken);
}

namespace WebexConnector.Auth;

/// <summary>What test connectivity does before its check: with OAuth and no usable pair, the browser or device flow; with a PAT, nothing.</summary>
internal interface IConnectivityAuthorizer
{
    /// <summary><c>true</c> when <see cref="AuthorizeAsync"/> can get new credentials (OAuth).</summary>
    bool CanAuthorize { get; }

    /// <summary>Makes sure a usable token exists, running the authorization flow only when none does.</summary>
    Task EnsureAuthorizedAsync(CancellationToken cancellationToken);

    /// <summary>Runs the authorization flow unconditionally (the stored pair was refused).</summary>
    Task AuthorizeAsync(CancellationToken cancellationToken);
}

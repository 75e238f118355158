namespace WebexConnector.Auth;

/// <summary>A PAT needs no authorization step: it is checked by the call itself.</summary>
internal sealed class PersonalAccessTokenAuthorizer : IConnectivityAuthorizer
{
    public bool CanAuthorize => false;

    public Task EnsureAuthorizedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task AuthorizeAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

namespace WebexConnector.Auth;

/// <summary>A Personal Access Token from the asset config: used as is, never stored, never refreshed.</summary>
internal sealed class PersonalAccessTokenSource(string token) : IAccessTokenSource
{
    public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(token);

    public ValueTask<string?> RenewAfterUnauthorizedAsync(string rejectedToken, CancellationToken cancellationToken) =>
        ValueTask.FromResult<string?>(null);
}

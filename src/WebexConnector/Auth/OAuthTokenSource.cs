using WebexConnector.Configuration;
using WebexConnector.Security;
using WebexConnector.Webex;

namespace WebexConnector.Auth;

/// <summary>
/// Bearer tokens from the asset's stored OAuth pair. Refreshes (<c>grant_type=refresh_token</c>) when the access
/// token is within 60 s of expiry, or once after a 401, always under the asset's lock and after re-reading the
/// file, so that of several processes only one refreshes. Never opens a browser.
/// </summary>
internal sealed class OAuthTokenSource(
    TokenStateStore store, OAuthTokenClient client, AssetConfig config, TimeProvider time, SecretRedactor redactor) : IAccessTokenSource, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TokenPair? _current;

    public async ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        if (_current is { } current && current.IsAccessTokenFresh(time.GetUtcNow()))
        {
            return current.AccessToken;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stored = Owned(Remember(store.Load())) ?? throw NoPair();
            _current = stored.IsAccessTokenFresh(time.GetUtcNow())
                ? stored
                : await RefreshUnderLockAsync(rejectedToken: null, cancellationToken).ConfigureAwait(false);
            return _current.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask<string?> RenewAfterUnauthorizedAsync(string rejectedToken, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _current = await RefreshUnderLockAsync(rejectedToken, cancellationToken).ConfigureAwait(false);
            return _current.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Throws <see cref="StateFolderException"/> unless the state folder can keep a pair: called before a person is
    /// asked to authorize, so that the tokens they grant are never lost.
    /// </summary>
    public void EnsureStoreUsable() => store.EnsureUsable();

    /// <summary>Stores a pair from an authorization flow, under the lock.</summary>
    public async Task StoreAsync(TokenPair pair, CancellationToken cancellationToken)
    {
        using (await store.LockAsync(StateFileLock.TimeoutFor(config), time, cancellationToken).ConfigureAwait(false))
        {
            store.Save(pair);
        }

        _current = Remember(pair);
    }

    private async Task<TokenPair> RefreshUnderLockAsync(string? rejectedToken, CancellationToken cancellationToken)
    {
        using var held = await store.LockAsync(StateFileLock.TimeoutFor(config), time, cancellationToken).ConfigureAwait(false);

        // Another process may have refreshed while this one waited for the lock.
        var stored = Owned(Remember(store.Load())) ?? throw NoPair();
        var now = time.GetUtcNow();
        if (stored.AccessToken != rejectedToken && stored.IsAccessTokenFresh(now))
        {
            return stored;
        }

        if (!stored.IsRefreshTokenValid(now))
        {
            throw new AuthorizationRequiredException($"The stored refresh token expired at {stored.RefreshTokenExpiresAt:O}.");
        }

        TokenPair refreshed;
        try
        {
            refreshed = await client.RefreshAsync(stored, cancellationToken).ConfigureAwait(false);
        }
        catch (WebexApiException e)
        {
            throw new AuthorizationRequiredException(
                $"Refreshing the access token failed (status code {(int)e.StatusCode}: {e.Details.TrimEnd('.')}{(e.TrackingId is { } id ? $"; tracking ID {id}" : string.Empty)}).", e);
        }

        store.Save(refreshed);
        return refreshed;
    }

    public void Dispose() => _gate.Dispose();

    private TokenPair? Remember(TokenPair? pair)
    {
        if (pair is not null)
        {
            redactor.Add(pair.AccessToken);
            redactor.Add(pair.RefreshToken);
        }

        return pair;
    }

    // A pair of another integration or origin is never used or refreshed: its tokens would travel where they were not issued.
    private TokenPair? Owned(TokenPair? pair) =>
        pair is null || pair.BelongsTo(config.ClientId, config.BaseUrl)
            ? pair
            : throw AuthorizationRequiredException.OtherIntegration(pair, config.ClientId, config.BaseUrl);

    private AuthorizationRequiredException NoPair() =>
        new($"No OAuth token pair is stored for this asset in '{store.FilePath}'.");
}

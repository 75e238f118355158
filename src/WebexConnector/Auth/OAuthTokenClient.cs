using WebexConnector.Configuration;
using WebexConnector.Security;
using WebexConnector.Webex;

namespace WebexConnector.Auth;

/// <summary>Exchanges an authorization code, or a refresh token, for a new <see cref="TokenPair"/>.</summary>
internal sealed class OAuthTokenClient(IOAuthApi api, AssetConfig config, TimeProvider time, SecretRedactor redactor)
{
    public Task<TokenPair> ExchangeCodeAsync(string code, string codeVerifier, CancellationToken cancellationToken) =>
        RequestAsync(
            new()
            {
                ["grant_type"] = "authorization_code",
                ["client_id"] = config.ClientId!,
                ["client_secret"] = config.ClientSecret!,
                ["code"] = code,
                ["redirect_uri"] = config.RedirectUri.OriginalString,
                ["code_verifier"] = codeVerifier,
            },
            previous: null,
            cancellationToken);

    public Task<TokenPair> RefreshAsync(TokenPair current, CancellationToken cancellationToken) =>
        RequestAsync(
            new()
            {
                ["grant_type"] = "refresh_token",
                ["client_id"] = config.ClientId!,
                ["client_secret"] = config.ClientSecret!,
                ["refresh_token"] = current.RefreshToken,
            },
            current,
            cancellationToken);

    private async Task<TokenPair> RequestAsync(Dictionary<string, string> form, TokenPair? previous, CancellationToken cancellationToken)
    {
        using var response = await api.RequestTokenAsync(form, cancellationToken).ConfigureAwait(false);
        return await ReadPairAsync(response, previous, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Turns a token endpoint's answer (also the device grant's <c>/device/token</c>) into a pair with its expiry
    /// times, or throws <see cref="WebexApiException"/>.
    /// </summary>
    public async Task<TokenPair> ReadPairAsync(HttpResponseMessage response, TokenPair? previous, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var token = await WebexResponses.ReadAsync(response, AuthJsonContext.Default.TokenResponse, cancellationToken).ConfigureAwait(false);
        if (token is not { AccessToken.Length: > 0, ExpiresIn: > 0 })
        {
            throw new WebexApiException(response.StatusCode, "The token endpoint answered without an access_token and expires_in.", null);
        }

        redactor.Add(token.AccessToken);
        redactor.Add(token.RefreshToken);
        var now = time.GetUtcNow();

        // Webex may rotate the refresh token: always keep the one that came back, else the one we had.
        var refreshToken = token.RefreshToken is { Length: > 0 } ? token.RefreshToken : previous?.RefreshToken;
        if (refreshToken is null)
        {
            throw new WebexApiException(response.StatusCode, "The token endpoint answered without a refresh_token.", null);
        }

        return new TokenPair
        {
            AccessToken = token.AccessToken,
            AccessTokenExpiresAt = now.AddSeconds(token.ExpiresIn.Value),
            RefreshToken = refreshToken,
            RefreshTokenExpiresAt = token.RefreshTokenExpiresIn is long seconds && seconds > 0
                ? now.AddSeconds(seconds)
                : previous?.RefreshTokenExpiresAt ?? now.AddSeconds(token.ExpiresIn.Value),
            Scope = token.Scope ?? previous?.Scope ?? config.Scope,
            ClientId = config.ClientId,
            Origin = TokenPair.OriginOf(config.BaseUrl),
        };
    }
}

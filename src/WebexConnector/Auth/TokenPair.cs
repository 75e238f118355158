using System.Text.Json.Serialization;

namespace WebexConnector.Auth;

/// <summary>An OAuth access/refresh token pair with absolute expiry times: the content of an asset's state file.</summary>
public sealed record TokenPair
{
    /// <summary>An access token this close to expiry is refreshed before use.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(60);

    [JsonPropertyName("access_token")]
    public required string AccessToken { get; init; }

    [JsonPropertyName("access_token_expires_at")]
    public required DateTimeOffset AccessTokenExpiresAt { get; init; }

    [JsonPropertyName("refresh_token")]
    public required string RefreshToken { get; init; }

    [JsonPropertyName("refresh_token_expires_at")]
    public required DateTimeOffset RefreshTokenExpiresAt { get; init; }

    [JsonPropertyName("scope")]
    public string? Scope { get; init; }

    public bool IsAccessTokenFresh(DateTimeOffset now) => now < AccessTokenExpiresAt - RefreshMargin;

    public bool IsRefreshTokenValid(DateTimeOffset now) => now < RefreshTokenExpiresAt;

    /// <summary>Never shows the tokens.</summary>
    public override string ToString() =>
        $"TokenPair {{ AccessTokenExpiresAt = {AccessTokenExpiresAt:O}, RefreshTokenExpiresAt = {RefreshTokenExpiresAt:O}, Scope = {Scope} }}";
}

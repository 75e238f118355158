using System.Text.Json.Serialization;

namespace WebexConnector.Auth;

/// <summary>An OAuth access/refresh token pair with absolute expiry times: the content of an asset's state file.</summary>
internal sealed record TokenPair
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

    /// <summary>The integration the pair was issued to (never its secret); <c>null</c> in a file of an earlier version.</summary>
    [JsonPropertyName("client_id")]
    public string? ClientId { get; init; }

    /// <summary>The <c>base_url</c> origin the pair was issued by, e.g. <c>https://webexapis.com</c>: the only place its tokens go.</summary>
    [JsonPropertyName("origin")]
    public string? Origin { get; init; }

    /// <summary>Whose pair this is, for messages: <c>client id C0abc at https://webexapis.com</c>.</summary>
    [JsonIgnore]
    public string Owner => ClientId is null || Origin is null
        ? "an unknown integration (the file was written by an earlier version, which did not record it)"
        : $"client id {ClientId} at {Origin}";

    /// <summary>The origin of a <c>base_url</c>: scheme, host and port, lower case.</summary>
    public static string OriginOf(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return baseUrl.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }

    /// <summary>Whether the pair may be used, refreshed or replaced by this integration at this origin.</summary>
    public bool BelongsTo(string? clientId, Uri baseUrl) =>
        ClientId is not null && string.Equals(ClientId, clientId, StringComparison.Ordinal)
        && string.Equals(Origin, OriginOf(baseUrl), StringComparison.Ordinal);

    public bool IsAccessTokenFresh(DateTimeOffset now) => now < AccessTokenExpiresAt - RefreshMargin;

    public bool IsRefreshTokenValid(DateTimeOffset now) => now < RefreshTokenExpiresAt;

    /// <summary>Never shows the tokens.</summary>
    public override string ToString() =>
        $"TokenPair {{ AccessTokenExpiresAt = {AccessTokenExpiresAt:O}, RefreshTokenExpiresAt = {RefreshTokenExpiresAt:O}, Scope = {Scope}, ClientId = {ClientId}, Origin = {Origin} }}";
}

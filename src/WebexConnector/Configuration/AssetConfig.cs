namespace WebexConnector.Configuration;

/// <summary>A validated asset configuration (see <c>asset.schema.json</c>); defaults already applied.</summary>
internal sealed record AssetConfig
{
    public static readonly Uri DefaultBaseUrl = new("https://webexapis.com/v1");
    public static readonly Uri DefaultRedirectUri = new("http://127.0.0.1:8914/result");
    public const string DefaultScope = "spark:people_read spark:rooms_read spark:messages_write";

    public string? AuthorizationKey { get; init; }

    public string? ClientId { get; init; }

    public string? ClientSecret { get; init; }

    public Uri BaseUrl { get; init; } = DefaultBaseUrl;

    public Uri RedirectUri { get; init; } = DefaultRedirectUri;

    public string Scope { get; init; } = DefaultScope;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan AuthTimeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>How test connectivity authorizes: the loopback browser flow, or the device grant for a server without a browser.</summary>
    public OAuthFlow OAuthFlow { get; init; } = OAuthFlow.Browser;

    /// <summary>A PAT always wins over an OAuth integration.</summary>
    public AuthMode AuthMode => AuthorizationKey is not null ? AuthMode.PersonalAccessToken : AuthMode.OAuth;

    /// <summary>Hides the secrets from debuggers and accidental string formatting.</summary>
    public override string ToString() => $"AssetConfig {{ AuthMode = {AuthMode}, BaseUrl = {BaseUrl} }}";
}

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace WebexConnector.Cli.Tests.Infrastructure;

/// <summary>One token pair the fake token endpoint handed out.</summary>
public sealed record IssuedTokens(string GrantType, string AccessToken, string RefreshToken, int ExpiresIn, DateTimeOffset IssuedAt);

/// <summary>
/// Webex's OAuth token endpoint, <c>POST /v1/access_token</c>, on a <see cref="FakeWebexServer"/>
/// (installed with <see cref="FakeWebexServer.Handle"/>), with Webex semantics:
/// <list type="bullet">
/// <item><c>grant_type=authorization_code</c> with <c>client_id</c>, <c>client_secret</c>, <c>code</c> (one issued by
/// <see cref="IssueCode"/>, single use), the same <c>redirect_uri</c> and a <c>code_verifier</c> whose S256 challenge
/// (base64url(sha256(verifier))) is the <c>code_challenge</c> the browser saw in the authorize URL;</item>
/// <item><c>grant_type=refresh_token</c> with <c>client_id</c>, <c>client_secret</c> and the current
/// <c>refresh_token</c>.</item>
/// </list>
/// Answers <c>access_token</c>, <c>expires_in</c>, <c>refresh_token</c> (rotated: a new one each time, the old one
/// becomes invalid), <c>refresh_token_expires_in</c>, <c>token_type</c>. Issued access tokens are accepted as bearer
/// tokens by the server. Anything wrong gets 400 <c>{"error":"invalid_grant","error_description":"..."}</c>.
/// Every issued token and code is handed to <c>registerSecret</c> (the runner's leak check).
/// </summary>
public sealed class FakeTokenEndpoint
{
    public const string TokenPath = "/v1/access_token";

    private readonly FakeWebexServer _server;
    private readonly string _clientId;
    private readonly string _clientSecret;
    private readonly Action<string> _registerSecret;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Challenge, string RedirectUri)> _codes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _validRefreshTokens = new(StringComparer.Ordinal);
    private readonly List<IssuedTokens> _issued = [];
    private readonly List<string> _rejections = [];
    private int _authorizationCodeCalls;
    private int _refreshCalls;
    private int _rejectedCalls;
    private int _rejectedRefreshCalls;
    private int _counter;

    public FakeTokenEndpoint(FakeWebexServer server, string clientId, string clientSecret, Action<string>? registerSecret = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        _server = server;
        _clientId = clientId;
        _clientSecret = clientSecret;
        _registerSecret = registerSecret ?? (_ => { });
        server.Handle("POST", TokenPath, HandleTokenRequest);
    }

    /// <summary><c>expires_in</c> of access tokens from the authorization-code grant (default 14 days).</summary>
    public int AccessTokenLifetimeSeconds { get; set; } = 1_209_600;

    /// <summary><c>expires_in</c> of access tokens from the refresh grant (default: <see cref="AccessTokenLifetimeSeconds"/>).</summary>
    public int? RefreshedAccessTokenLifetimeSeconds { get; set; }

    /// <summary><c>refresh_token_expires_in</c> (default 90 days).</summary>
    public int RefreshTokenLifetimeSeconds { get; set; } = 7_776_000;

    /// <summary>When set, error descriptions repeat the rejected secret value (to test that the connector masks it).</summary>
    public bool EchoSecretsInErrors { get; set; }

    /// <summary>Calls with <c>grant_type=authorization_code</c> (accepted or not).</summary>
    public int AuthorizationCodeCalls => Volatile.Read(ref _authorizationCodeCalls);

    /// <summary>Calls with <c>grant_type=refresh_token</c> (accepted or not).</summary>
    public int RefreshCalls => Volatile.Read(ref _refreshCalls);

    /// <summary>Calls answered with an error.</summary>
    public int RejectedCalls => Volatile.Read(ref _rejectedCalls);

    /// <summary>Refresh calls answered with an error (e.g. a stale, already rotated refresh token).</summary>
    public int RejectedRefreshCalls => Volatile.Read(ref _rejectedRefreshCalls);

    /// <summary>Every call, accepted or not.</summary>
    public int TotalCalls => AuthorizationCodeCalls + RefreshCalls;

    /// <summary>Why calls were rejected, in order (never contains a secret).</summary>
    public IReadOnlyList<string> Rejections
    {
        get
        {
            lock (_gate)
            {
                return [.. _rejections];
            }
        }
    }

    /// <summary>Every pair handed out, in order.</summary>
    public IReadOnlyList<IssuedTokens> Issued
    {
        get
        {
            lock (_gate)
            {
                return [.. _issued];
            }
        }
    }

    /// <summary>The most recently issued pair (fails the test when none was).</summary>
    public IssuedTokens Latest
    {
        get
        {
            var issued = Issued;
            Assert.That(issued, Is.Not.Empty, "the token endpoint issued no tokens");
            return issued[^1];
        }
    }

    /// <summary>What Webex does after the user consents: a one-time code bound to the PKCE challenge and redirect URI.</summary>
    public string IssueCode(string codeChallenge, string redirectUri)
    {
        ArgumentException.ThrowIfNullOrEmpty(codeChallenge);
        ArgumentException.ThrowIfNullOrEmpty(redirectUri);
        var code = $"AUTHCODE-e2e-{Interlocked.Increment(ref _counter)}-{Guid.NewGuid():N}";
        _registerSecret(code);
        lock (_gate)
        {
            _codes[code] = (codeChallenge, redirectUri);
        }

        return code;
    }

    /// <summary>
    /// The device grant's success (see <see cref="FakeDeviceEndpoint"/>): a new pair like the code grant's, whose refresh
    /// token this endpoint then accepts.
    /// </summary>
    public FakeResponse IssueForDeviceGrant() => Issue("device_code", AccessTokenLifetimeSeconds);

    /// <summary>Every refresh token handed out so far stops working (e.g. the user revoked the integration).</summary>
    public void InvalidateRefreshTokens()
    {
        lock (_gate)
        {
            _validRefreshTokens.Clear();
        }
    }

    /// <summary>The S256 PKCE challenge of a verifier: base64url(sha256(ASCII(verifier))), no padding.</summary>
    public static string S256(string codeVerifier) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(codeVerifier)));

    private FakeResponse HandleTokenRequest(RecordedRequest request)
    {
        var contentType = request.Header("Content-Type") ?? "";
        var form = QueryHelpers.ParseQuery(request.Body);
        string? Field(string name) => form.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;
        var grantType = Field("grant_type");
        if (grantType == "authorization_code")
        {
            Interlocked.Increment(ref _authorizationCodeCalls);
        }
        else if (grantType == "refresh_token")
        {
            Interlocked.Increment(ref _refreshCalls);
        }

        if (!contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return Reject(grantType, "invalid_request", "The body must be application/x-www-form-urlencoded.");
        }

        if (Field("client_id") != _clientId || Field("client_secret") != _clientSecret)
        {
            return Reject(grantType, "invalid_grant", "Invalid client_id or client_secret.");
        }

        return grantType switch
        {
            "authorization_code" => AuthorizationCodeGrant(Field("code"), Field("redirect_uri"), Field("code_verifier")),
            "refresh_token" => RefreshGrant(Field("refresh_token")),
            _ => Reject(grantType, "unsupported_grant_type", "Unsupported grant_type."),
        };
    }

    private FakeResponse AuthorizationCodeGrant(string? code, string? redirectUri, string? verifier)
    {
        (string Challenge, string RedirectUri) bound;
        lock (_gate)
        {
            if (code is null || !_codes.Remove(code, out bound))
            {
                return Reject("authorization_code", "invalid_grant", EchoSecretsInErrors ? $"The authorization code '{code}' is invalid or was already used." : "The authorization code is invalid or was already used.");
            }
        }

        if (redirectUri != bound.RedirectUri)
        {
            return Reject("authorization_code", "invalid_grant", "redirect_uri does not match the authorization request.");
        }

        if (verifier is null || S256(verifier) != bound.Challenge)
        {
            return Reject("authorization_code", "invalid_grant", "code_verifier does not match the code_challenge.");
        }

        return Issue("authorization_code", AccessTokenLifetimeSeconds);
    }

    private FakeResponse RefreshGrant(string? refreshToken)
    {
        lock (_gate)
        {
            if (refreshToken is null || !_validRefreshTokens.Remove(refreshToken))
            {
                Interlocked.Increment(ref _rejectedRefreshCalls);
                return Reject("refresh_token", "invalid_grant", EchoSecretsInErrors ? $"The refresh token '{refreshToken}' is invalid or expired." : "The refresh token is invalid or expired.");
            }
        }

        return Issue("refresh_token", RefreshedAccessTokenLifetimeSeconds ?? AccessTokenLifetimeSeconds);
    }

    private FakeResponse Issue(string grantType, int expiresIn)
    {
        var n = Interlocked.Increment(ref _counter);
        var access = $"OAUTH-ACCESS-e2e-{n}-{Guid.NewGuid():N}";
        var refresh = $"OAUTH-REFRESH-e2e-{n}-{Guid.NewGuid():N}";
        _registerSecret(access);
        _registerSecret(refresh);
        _server.AcceptToken(access);
        lock (_gate)
        {
            _validRefreshTokens.Add(refresh);
            _issued.Add(new IssuedTokens(grantType, access, refresh, expiresIn, DateTimeOffset.UtcNow));
        }

        var body = new JsonObject
        {
            ["access_token"] = access,
            ["expires_in"] = expiresIn,
            ["refresh_token"] = refresh,
            ["refresh_token_expires_in"] = RefreshTokenLifetimeSeconds,
            ["token_type"] = "Bearer",
        };
        return new FakeResponse(200, body.ToJsonString(), "application/json;charset=UTF-8");
    }

    private FakeResponse Reject(string? grantType, string error, string description)
    {
        Interlocked.Increment(ref _rejectedCalls);
        lock (_gate)
        {
            _rejections.Add($"{grantType ?? "(no grant_type)"}: {error}{(EchoSecretsInErrors ? "" : ": " + description)}");
        }

        var body = new JsonObject { ["error"] = error, ["error_description"] = description };
        return new FakeResponse(400, body.ToJsonString(), "application/json;charset=UTF-8");
    }
}

using System.Security.Cryptography;
using System.Text;
using WebexConnector.Auth;

namespace WebexConnector.Tests.Auth;

public class OAuthPiecesTests
{
    [Test]
    public void PkceCreate_NewValues_AreUnreservedRandomAndMatchingS256()
    {
        var first = Pkce.Create();
        var second = Pkce.Create();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.CodeVerifier, Has.Length.InRange(43, 128));
            Assert.That(first.CodeVerifier, Does.Match("^[A-Za-z0-9._~-]+$"));
            Assert.That(first.CodeChallenge, Is.EqualTo(S256(first.CodeVerifier)));
            Assert.That(first.State, Is.Not.Empty.And.Not.EqualTo(second.State));
            Assert.That(first.CodeVerifier, Is.Not.EqualTo(second.CodeVerifier));
            Assert.That(first.ToString(), Does.Not.Contain(first.CodeVerifier));
        }
    }

    [Test]
    public void AuthorizationUrlBuild_Asset_HasEveryContractParameter()
    {
        var pkce = new Pkce("verifier-0123456789012345678901234567890123", "challenge-abc", "state-xyz");

        var url = AuthorizationUrl.Build(
            new Uri("https://webexapis.com/v1"), "C0123client", new Uri("http://127.0.0.1:8914/result"), "spark:people_read spark:rooms_read", pkce);

        var query = ConnectorHarness.Query(url);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(url.GetLeftPart(UriPartial.Path), Is.EqualTo("https://webexapis.com/v1/authorize"));
            Assert.That(query["client_id"], Is.EqualTo("C0123client"));
            Assert.That(query["response_type"], Is.EqualTo("code"));
            Assert.That(query["redirect_uri"], Is.EqualTo("http://127.0.0.1:8914/result"));
            Assert.That(query["scope"], Is.EqualTo("spark:people_read spark:rooms_read"));
            Assert.That(query["state"], Is.EqualTo("state-xyz"));
            Assert.That(query["code_challenge"], Is.EqualTo("challenge-abc"));
            Assert.That(query["code_challenge_method"], Is.EqualTo("S256"));
            Assert.That(url.Query, Does.Not.Contain("verifier-"), "the verifier stays with the connector");
        }
    }

    [Test]
    public void StateDirectoryResolve_CommandLineGiven_WinsOverEnvironment()
    {
        var resolved = StateDirectory.Resolve("/tmp/cli-state", Environment(("WEBEX_CONNECTOR_STATE_DIR", "/tmp/env-state"), ("XDG_STATE_HOME", "/tmp/xdg")));

        Assert.That(resolved, Is.EqualTo(Path.GetFullPath("/tmp/cli-state")));
    }

    [Test]
    public void StateDirectoryResolve_EnvironmentVariable_WinsOverXdg()
    {
        var resolved = StateDirectory.Resolve(null, Environment(("WEBEX_CONNECTOR_STATE_DIR", "/tmp/env-state"), ("XDG_STATE_HOME", "/tmp/xdg")));

        Assert.That(resolved, Is.EqualTo(Path.GetFullPath("/tmp/env-state")));
    }

    [Test]
    public void StateDirectoryResolve_XdgStateHome_GetsConnectorFolder()
    {
        var resolved = StateDirectory.Resolve("", Environment(("XDG_STATE_HOME", "/tmp/xdg"), ("HOME", "/home/op")));

        Assert.That(resolved, Is.EqualTo(Path.Combine(Path.GetFullPath("/tmp/xdg"), "webex-connector")));
    }

    [Test]
    public void StateDirectoryResolve_NothingSet_UsesHomeLocalState()
    {
        var resolved = StateDirectory.Resolve(null, Environment(("HOME", "/home/op")));

        Assert.That(resolved, Is.EqualTo(Path.Combine("/home/op", ".local", "state", "webex-connector")));
    }

    [Test]
    public void TokenPair_AccessTokenWithinSixtySecondsOfExpiry_IsNotFresh()
    {
        var now = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var pair = Pair(now.AddSeconds(59), now.AddDays(90));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pair.IsAccessTokenFresh(now), Is.False);
            Assert.That(Pair(now.AddSeconds(61), now.AddDays(90)).IsAccessTokenFresh(now), Is.True);
            Assert.That(pair.IsRefreshTokenValid(now), Is.True);
            Assert.That(Pair(now, now.AddSeconds(-1)).IsRefreshTokenValid(now), Is.False);
        }
    }

    [Test]
    public void TokenPairToString_Pair_DoesNotShowTokens()
    {
        var pair = Pair(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);

        Assert.That(pair.ToString(), Does.Not.Contain(pair.AccessToken).And.Not.Contain(pair.RefreshToken));
    }

    private static TokenPair Pair(DateTimeOffset accessExpires, DateTimeOffset refreshExpires) => new()
    {
        AccessToken = "ACCESS-pieces-SECRET-1",
        AccessTokenExpiresAt = accessExpires,
        RefreshToken = "REFRESH-pieces-SECRET-2",
        RefreshTokenExpiresAt = refreshExpires,
    };

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    // An independent S256: BASE64URL(SHA256(ASCII(verifier))) without padding (RFC 7636 section 4.2).
    private static string S256(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

using System.Text.Json.Nodes;
using WebexConnector.Configuration;

namespace WebexConnector.Tests.Configuration;

public class AssetConfigLoaderTests
{
    private const string Pat = "PAT-config-SECRET-0123456789";
    private const string ClientId = "C0123456789abcdef";
    private const string ClientSecret = "CLIENT-config-SECRET-abcdef";

    [Test]
    public async Task Load_PatOnly_UsesPersonalAccessToken()
    {
        var config = await LoadAsync(new JsonObject { ["authorization_key"] = Pat });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(config.AuthMode, Is.EqualTo(AuthMode.PersonalAccessToken));
            Assert.That(config.AuthorizationKey, Is.EqualTo(Pat));
            Assert.That(config.ClientId, Is.Null);
            Assert.That(config.ClientSecret, Is.Null);
        }
    }

    [Test]
    public async Task Load_OAuthPairOnly_UsesOAuth()
    {
        var config = await LoadAsync(new JsonObject { ["client_id"] = ClientId, ["client_secret"] = ClientSecret });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(config.AuthMode, Is.EqualTo(AuthMode.OAuth));
            Assert.That(config.AuthorizationKey, Is.Null);
            Assert.That(config.ClientId, Is.EqualTo(ClientId));
            Assert.That(config.ClientSecret, Is.EqualTo(ClientSecret));
        }
    }

    [Test]
    public async Task Load_PatAndOAuthPair_PatWins()
    {
        var config = await LoadAsync(new JsonObject { ["authorization_key"] = Pat, ["client_id"] = ClientId, ["client_secret"] = ClientSecret });

        Assert.That(config.AuthMode, Is.EqualTo(AuthMode.PersonalAccessToken));
    }

    [Test]
    public async Task Load_EmptyPatBesideOAuthPair_UsesOAuth()
    {
        var config = await LoadAsync(new JsonObject { ["authorization_key"] = "", ["client_id"] = ClientId, ["client_secret"] = ClientSecret });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(config.AuthMode, Is.EqualTo(AuthMode.OAuth));
            Assert.That(config.AuthorizationKey, Is.Null);
        }
    }

    [TestCase("{}", TestName = "Load_NoCredentials_FailsNamingAllThreeKeys")]
    [TestCase("""{"client_id": "C0123456789abcdef"}""", TestName = "Load_OnlyClientId_FailsNamingAllThreeKeys")]
    [TestCase("""{"client_secret": "CLIENT-config-SECRET-abcdef"}""", TestName = "Load_OnlyClientSecret_FailsNamingAllThreeKeys")]
    [TestCase("""{"authorization_key": ""}""", TestName = "Load_EmptyPat_FailsNamingAllThreeKeys")]
    [TestCase("""{"authorization_key": null, "client_id": "", "client_secret": ""}""", TestName = "Load_AllCredentialsEmptyOrNull_FailsNamingAllThreeKeys")]
    [TestCase("""{"client_id": "C0123456789abcdef", "client_secret": ""}""", TestName = "Load_ClientIdWithEmptySecret_FailsNamingAllThreeKeys")]
    [TestCase("""{"base_url": "https://webexapis.com/v1"}""", TestName = "Load_OnlyBaseUrl_FailsNamingAllThreeKeys")]
    public void Load_NoUsableCredentials_FailsNamingAllThreeKeys(string json)
    {
        Assert.That(() => AssetConfigLoader.LoadAsync(TestJson.Parse(json)),
            Throws.TypeOf<ConnectorInvocationException>()
                .With.Message.Contains("authorization_key").And.Message.Contains("client_id").And.Message.Contains("client_secret"));
    }

    [Test]
    public void Load_MisspeltPatKeyBesideOAuthPair_FailsNamingTheUnknownKey()
    {
        var config = new JsonObject { ["authorization_kye"] = Pat, ["client_id"] = ClientId, ["client_secret"] = ClientSecret };

        Assert.That(() => LoadAsync(config),
            Throws.TypeOf<ConnectorInvocationException>().With.Message.Contains("authorization_kye").And.Message.Not.Contains(Pat));
    }

    [Test]
    public void Load_MisspeltPatKeyAlone_FailsNamingTheUnknownKey()
    {
        Assert.That(() => LoadAsync(new JsonObject { ["authorization_kye"] = Pat }),
            Throws.TypeOf<ConnectorInvocationException>().With.Message.Contains("authorization_kye").And.Message.Not.Contains(Pat));
    }

    [TestCase("https://webexapis.com/v1", "https://webexapis.com/v1")]
    [TestCase("https://api.ciscospark.com/v1", "https://api.ciscospark.com/v1")]
    [TestCase("http://127.0.0.1:8080/v1", "http://127.0.0.1:8080/v1")]
    [TestCase("http://127.5.6.7/v1", "http://127.5.6.7/v1")]
    [TestCase("http://localhost:1/v1", "http://localhost:1/v1")]
    [TestCase("http://[::1]:9/v1", "http://[::1]:9/v1")]
    [TestCase("https://webexapis.com/v1/", "https://webexapis.com/v1")]
    [TestCase("http://127.0.0.1:8080/v1//", "http://127.0.0.1:8080/v1")]
    public async Task Load_AllowedBaseUrl_IsAcceptedWithoutTrailingSlash(string baseUrl, string expected)
    {
        var config = await LoadAsync(new JsonObject { ["authorization_key"] = Pat, ["base_url"] = baseUrl });

        Assert.That(config.BaseUrl.AbsoluteUri, Is.EqualTo(expected));
    }

    [TestCase("http://example.com/v1")]
    [TestCase("http://webexapis.com/v1")]
    [TestCase("http://127.0.0.1.evil.com/v1")]
    [TestCase("http://localhost@evil.com/")]
    [TestCase("http://localhost.evil.com/v1")]
    [TestCase("http://127.0.0.1:8080@evil.com/v1")]
    [TestCase("http://[::1].evil.com/v1")]
    [TestCase("ftp://127.0.0.1/v1")]
    [TestCase("webexapis.com/v1")]
    [TestCase("not a url")]
    public void Load_ForbiddenBaseUrl_FailsNamingBaseUrl(string baseUrl)
    {
        Assert.That(() => LoadAsync(new JsonObject { ["authorization_key"] = Pat, ["base_url"] = baseUrl }),
            Throws.TypeOf<ConnectorInvocationException>().With.Message.Contains("base_url"));
    }

    [TestCase("http://example.com/result")]
    [TestCase("https://example.com/result")]
    [TestCase("http://127.0.0.1.evil.com/result")]
    [TestCase("http://localhost@evil.com/result")]
    public void Load_NonLoopbackRedirectUri_FailsNamingRedirectUri(string redirectUri)
    {
        var config = new JsonObject { ["client_id"] = ClientId, ["client_secret"] = ClientSecret, ["redirect_uri"] = redirectUri };

        Assert.That(() => LoadAsync(config), Throws.TypeOf<ConnectorInvocationException>().With.Message.Contains("redirect_uri"));
    }

    [TestCase("http://127.0.0.1:9000/callback")]
    [TestCase("http://localhost:8914/result")]
    [TestCase("http://[::1]:8914/result")]
    public async Task Load_LoopbackRedirectUri_IsAccepted(string redirectUri)
    {
        var config = await LoadAsync(new JsonObject { ["client_id"] = ClientId, ["client_secret"] = ClientSecret, ["redirect_uri"] = redirectUri });

        Assert.That(config.RedirectUri, Is.EqualTo(new Uri(redirectUri)));
    }

    [TestCase("timeout_seconds", "\"30\"", TestName = "Load_TimeoutAsString_FailsNamingIt")]
    [TestCase("timeout_seconds", "true", TestName = "Load_TimeoutAsBoolean_FailsNamingIt")]
    [TestCase("timeout_seconds", "0", TestName = "Load_ZeroTimeout_FailsNamingIt")]
    [TestCase("timeout_seconds", "-5", TestName = "Load_NegativeTimeout_FailsNamingIt")]
    [TestCase("timeout_seconds", "3601", TestName = "Load_TimeoutOverMaximum_FailsNamingIt")]
    [TestCase("auth_timeout_seconds", "0", TestName = "Load_ZeroAuthTimeout_FailsNamingIt")]
    [TestCase("auth_timeout_seconds", "\"300\"", TestName = "Load_AuthTimeoutAsString_FailsNamingIt")]
    [TestCase("scope", "42", TestName = "Load_ScopeAsNumber_FailsNamingIt")]
    [TestCase("authorization_key", "12345678", TestName = "Load_PatAsNumber_FailsNamingIt")]
    public void Load_WrongValue_FailsNamingKey(string key, string json)
    {
        var config = new JsonObject { ["authorization_key"] = Pat, [key] = JsonNode.Parse(json) };

        Assert.That(() => LoadAsync(config), Throws.TypeOf<ConnectorInvocationException>().With.Message.Contains(key));
    }

    [Test]
    public async Task Load_FractionalTimeout_IsAccepted()
    {
        var config = await LoadAsync(new JsonObject { ["authorization_key"] = Pat, ["timeout_seconds"] = 2.5, ["auth_timeout_seconds"] = 60 });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(config.Timeout, Is.EqualTo(TimeSpan.FromSeconds(2.5)));
            Assert.That(config.AuthTimeout, Is.EqualTo(TimeSpan.FromSeconds(60)));
        }
    }

    [Test]
    public async Task Load_MinimalConfig_AppliesContractDefaults()
    {
        var config = await LoadAsync(new JsonObject { ["authorization_key"] = Pat });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(config.BaseUrl.AbsoluteUri, Is.EqualTo("https://webexapis.com/v1"));
            Assert.That(config.RedirectUri.AbsoluteUri, Is.EqualTo("http://127.0.0.1:8914/result"));
            Assert.That(config.Scope, Is.EqualTo("spark:people_read spark:rooms_read spark:messages_write"));
            Assert.That(config.Timeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(config.AuthTimeout, Is.EqualTo(TimeSpan.FromSeconds(300)));
        }
    }

    [Test]
    public async Task Load_EmptyOptionalValues_FallBackToDefaults()
    {
        var config = await LoadAsync(new JsonObject
        {
            ["authorization_key"] = Pat,
            ["base_url"] = "",
            ["redirect_uri"] = "",
            ["scope"] = "",
            ["timeout_seconds"] = null,
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(config.BaseUrl.AbsoluteUri, Is.EqualTo("https://webexapis.com/v1"));
            Assert.That(config.RedirectUri.AbsoluteUri, Is.EqualTo("http://127.0.0.1:8914/result"));
            Assert.That(config.Scope, Is.EqualTo(AssetConfig.DefaultScope));
            Assert.That(config.Timeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
        }
    }

    [Test]
    public async Task Load_CustomScope_IsKept()
    {
        var config = await LoadAsync(new JsonObject { ["client_id"] = ClientId, ["client_secret"] = ClientSecret, ["scope"] = "spark:all" });

        Assert.That(config.Scope, Is.EqualTo("spark:all"));
    }

    [TestCase("[]")]
    [TestCase("\"authorization_key\"")]
    [TestCase("null")]
    public void Load_NotAnObject_Fails(string json)
    {
        Assert.That(() => AssetConfigLoader.LoadAsync(TestJson.Parse(json)), Throws.TypeOf<ConnectorInvocationException>());
    }

    [Test]
    public async Task SecretValues_PatAndClientSecret_AreReturnedButNotClientId()
    {
        var secrets = await AssetConfigLoader.SecretValuesAsync(TestJson.Parse(
            new JsonObject { ["authorization_key"] = Pat, ["client_id"] = ClientId, ["client_secret"] = ClientSecret, ["scope"] = "spark:all" }.ToJsonString()));

        Assert.That(secrets, Is.EquivalentTo(new[] { Pat, ClientSecret }));
    }

    [Test]
    public async Task SecretValues_InvalidConfig_StillReturnsSecrets()
    {
        var secrets = await AssetConfigLoader.SecretValuesAsync(TestJson.Parse(
            new JsonObject { ["authorization_key"] = Pat, ["base_url"] = "http://example.com", ["bogus"] = 1 }.ToJsonString()));

        Assert.That(secrets, Is.EqualTo(new[] { Pat }));
    }

    [Test]
    public async Task SecretValues_NotAnObject_IsEmpty()
    {
        Assert.That(await AssetConfigLoader.SecretValuesAsync(TestJson.Parse("[\"x\"]")), Is.Empty);
    }

    [Test]
    public async Task ToString_LoadedConfig_DoesNotShowSecrets()
    {
        var config = await LoadAsync(new JsonObject { ["authorization_key"] = Pat, ["client_id"] = ClientId, ["client_secret"] = ClientSecret });

        Assert.That(config.ToString(), Does.Not.Contain(Pat).And.Not.Contain(ClientSecret));
    }

    private static Task<AssetConfig> LoadAsync(JsonObject config) => AssetConfigLoader.LoadAsync(TestJson.Parse(config.ToJsonString()));
}

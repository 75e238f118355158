using System.Text.Json.Nodes;
using WebexConnector.Configuration;
using WebexConnector.Tests.TestSupport;

namespace WebexConnector.Tests.Configuration;

/// <summary>The config rules beyond the schema: unknown keys, URLs, credentials, ranges.</summary>
public class AssetConfigRulesTests
{
    private const string Pat = "PAT-rules-SECRET-0123456789";

    /// <summary>Keys Splunk SOAR puts into a run's config beside the asset's own fields.</summary>
    private static readonly string[] SoarConfigKeys =
    [
        "appname", "directory", "main_module", "app_version", "product_name", "product_vendor",
        "_reserved_environment_variables", "_reserved_credential_management", "ingest", "asset_name", "app_config",
    ];

    [Test]
    public async Task Load_PlatformConfigWithSoarKeys_IgnoresThem()
    {
        var config = new JsonObject { ["authorization_key"] = Pat };
        foreach (var key in SoarConfigKeys)
        {
            config[key] = key == "_reserved_environment_variables" ? new JsonObject { ["HTTP_PROXY"] = new JsonObject { ["type"] = "string", ["value"] = "" } } : "soar";
        }

        var loaded = await AssetConfigLoader.LoadAsync(TestJson.Parse(config.ToJsonString()), UnknownKeyPolicy.IgnoreAllButTypos);

        Assert.That(loaded.AuthorizationKey, Is.EqualTo(Pat));
    }

    [TestCaseSource(nameof(SoarConfigKeys))]
    public void ClosestSetting_SoarsOwnKeys_AreNeverMistakenForATypo(string key)
    {
        var settings = new[] { "authorization_key", "client_id", "client_secret", "base_url", "redirect_uri", "scope", "timeout_seconds", "auth_timeout_seconds", "oauth_flow" };

        Assert.That(UnknownConfigKeys.ClosestSetting(key, settings), Is.Null);
    }

    [TestCase("authorization_kye", "authorization_key")]
    [TestCase("client_secrte", "client_secret")]
    [TestCase("base_ur", "base_url")]
    [TestCase("Client_ID", "client_id")]
    [TestCase("oauth_flwo", "oauth_flow")]
    public void Load_TypoOfASetting_IsRefusedInBothFormsWithDidYouMean(string typo, string meant)
    {
        var json = new JsonObject { ["client_id"] = "C0abc", ["client_secret"] = "CLIENT-secret-123", [typo] = "value" }.ToJsonString();
        if (typo == "Client_ID")
        {
            json = new JsonObject { ["authorization_key"] = Pat, [typo] = "value" }.ToJsonString();
        }

        foreach (var policy in new[] { UnknownKeyPolicy.Refuse, UnknownKeyPolicy.IgnoreAllButTypos })
        {
            Assert.That(() => AssetConfigLoader.LoadAsync(TestJson.Parse(json), policy),
                Throws.TypeOf<ConnectorInvocationException>().With.Message.Contains($"Unknown key '{typo}'; did you mean '{meant}'?"), policy.ToString());
        }
    }

    [Test]
    public void Load_OperatorFileWithAnUnknownKey_IsRefusedNamingIt()
    {
        var json = new JsonObject { ["authorization_key"] = Pat, ["appname"] = "webex" }.ToJsonString();

        Assert.That(() => AssetConfigLoader.LoadAsync(TestJson.Parse(json)),
            Throws.TypeOf<ConnectorInvocationException>().With.Message.Contains("Unknown key 'appname'; the known keys are"));
    }

    [TestCase("base_url", "https://soc:hunter2pw@webexapis.com/v1")]
    [TestCase("base_url", "http://user:hunter2pw@127.0.0.1:8080/v1")]
    [TestCase("base_url", "https://hunter2pw@webexapis.com/v1")]
    [TestCase("redirect_uri", "http://me:hunter2pw@127.0.0.1:8914/result")]
    public void Load_UrlWithUserInfo_IsRefusedWithoutEchoingIt(string key, string url)
    {
        var json = new JsonObject { ["client_id"] = "C0abc", ["client_secret"] = "CLIENT-secret-123", [key] = url }.ToJsonString();

        Assert.That(() => AssetConfigLoader.LoadAsync(TestJson.Parse(json)),
            Throws.TypeOf<ConnectorInvocationException>().With.Message.Contains($"{key} must not contain a user name or password")
                .And.Message.Not.Contains("hunter2pw"));
    }

    [TestCase("http://127.999.999.999/v1")]
    [TestCase("http://127.0.0.256/v1")]
    [TestCase("http://0x7f.1/v1")]
    [TestCase("http://localhost./v1")]
    public void Load_HttpBaseUrlOnAHostThatOnlyLooksLikeLoopback_IsRefused(string url)
    {
        var json = new JsonObject { ["authorization_key"] = Pat, ["base_url"] = url }.ToJsonString();

        Assert.That(() => AssetConfigLoader.LoadAsync(TestJson.Parse(json)),
            Throws.TypeOf<ConnectorInvocationException>().With.Message.Contains("base_url"));
    }

    [Test]
    public void Load_RedirectUriOnPortZero_IsRefused()
    {
        var json = new JsonObject { ["client_id"] = "C0abc", ["client_secret"] = "CLIENT-secret-123", ["redirect_uri"] = "http://127.0.0.1:0/result" }.ToJsonString();

        Assert.That(() => AssetConfigLoader.LoadAsync(TestJson.Parse(json)),
            Throws.TypeOf<ConnectorInvocationException>().With.Message.Contains("redirect_uri must name a fixed port (not 0)"));
    }

    [TestCase(" PAT-rules-SECRET-0123456789 ")]
    [TestCase("PAT-rules-SECRET-0123456789\n")]
    [TestCase("\tPAT-rules-SECRET-0123456789\r\n")]
    public async Task Load_PatWithSurroundingWhitespace_IsTrimmed(string pasted)
    {
        var loaded = await AssetConfigLoader.LoadAsync(TestJson.Parse(new JsonObject { ["authorization_key"] = pasted }.ToJsonString()));

        Assert.That(loaded.AuthorizationKey, Is.EqualTo(Pat));
    }

    [TestCase("authorization_key", "PAT-rules\r\nX-Injected: 1")]
    [TestCase("authorization_key", "PAT-rules\0SECRET")]
    [TestCase("client_secret", "CLIENT\nsecret")]
    [TestCase("client_id", "C0abc:extra")]
    public void Load_CredentialWithAControlCharacterInside_IsRefusedNamingIt(string key, string value)
    {
        var config = new JsonObject { ["client_id"] = "C0abc", ["client_secret"] = "CLIENT-secret-123", [key] = value };

        Assert.That(() => AssetConfigLoader.LoadAsync(TestJson.Parse(config.ToJsonString())),
            Throws.TypeOf<ConnectorInvocationException>().With.Message.Contains($"'{key}' contains"));
    }

    [Test]
    public async Task SecretValues_PatWithSpaces_RegistersTheTrimmedValueToo()
    {
        var secrets = await AssetConfigLoader.SecretValuesAsync(TestJson.Parse(new JsonObject { ["authorization_key"] = " " + Pat + "\n" }.ToJsonString()));

        Assert.That(secrets, Does.Contain(Pat));
    }

    [TestCase("timeout_seconds", 0.005, "'timeout_seconds' must be at least 0.1 and at most 3600 (seconds)")]
    [TestCase("auth_timeout_seconds", 0.5, "'auth_timeout_seconds' must be at least 1 and at most 86400 (seconds)")]
    public void Load_TimeoutBelowTheRealMinimum_IsRefusedStatingTheRange(string key, double seconds, string message)
    {
        var json = new JsonObject { ["authorization_key"] = Pat, [key] = seconds }.ToJsonString();

        Assert.That(() => AssetConfigLoader.LoadAsync(TestJson.Parse(json)),
            Throws.TypeOf<ConnectorInvocationException>().With.Message.Contains(message));
    }
}

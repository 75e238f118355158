using System.Text.Json;
using System.Text.Json.Nodes;
using WebexConnector.Configuration;

namespace WebexConnector.Tests.Configuration;

/// <summary>The asset setting <c>oauth_flow</c>: <c>browser</c> (default) or <c>device</c>.</summary>
internal sealed class OAuthFlowConfigTests
{
    [TestCase(null, OAuthFlow.Browser)]
    [TestCase("", OAuthFlow.Browser)]
    [TestCase("browser", OAuthFlow.Browser)]
    [TestCase("device", OAuthFlow.Device)]
    public async Task Load_OAuthFlow_IsReadWithBrowserAsDefault(string? flow, OAuthFlow expected)
    {
        var config = await AssetConfigLoader.LoadAsync(Config(flow is null ? null : JsonValue.Create(flow)));

        Assert.That(config.OAuthFlow, Is.EqualTo(expected));
    }

    [TestCase("\"Device\"")]
    [TestCase("\"telepathy\"")]
    [TestCase("1")]
    public void Load_UnknownOAuthFlow_IsAnInvocationErrorNamingTheKey(string flow)
    {
        var error = Assert.ThrowsAsync<ConnectorInvocationException>(() => AssetConfigLoader.LoadAsync(Config(JsonNode.Parse(flow))));

        Assert.That(error?.Message, Does.Contain("oauth_flow"));
    }

    private static JsonElement Config(JsonNode? flow)
    {
        var config = new JsonObject { ["client_id"] = "C0123456789abcdef", ["client_secret"] = "CLIENT-config-SECRET-abcdef" };
        if (flow is not null)
        {
            config["oauth_flow"] = flow;
        }

        return JsonDocument.Parse(config.ToJsonString()).RootElement.Clone();
    }
}

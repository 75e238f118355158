using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WebexConnector.Actions;
using WebexConnector.Soar;

namespace WebexConnector.Tests.Soar;

/// <summary>The SOAR app manifest: shaped like real SOAR manifests, generated from the catalogue and the asset schema.</summary>
public class SoarAppManifestTests
{
    /// <summary>The top-level keys of Splunk's own Cisco Webex app 3.0.1 manifest that an installable app needs.</summary>
    private static readonly string[] ManifestKeys =
    [
        "appid", "name", "description", "type", "product_vendor", "product_name", "product_version_regex", "publisher",
        "license", "app_version", "package_name", "main_module", "min_phantom_version", "python_version", "logo", "logo_dark",
        "configuration", "actions",
    ];

    private static readonly string[] OAuthFlows = ["browser", "device"];

    private static readonly string[] AllowedImports = ["json", "os", "subprocess", "sys", "threading", "argparse", "phantom"];

    private static JsonObject Manifest => JsonNode.Parse(SoarAppManifest.Write())!.AsObject();

    [Test]
    public void Write_TopLevel_HasEveryKeyOfARealSoarManifest()
    {
        var manifest = Manifest;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(manifest.Select(p => p.Key), Is.SupersetOf(ManifestKeys));
            Assert.That(Guid.TryParse(manifest["appid"]!.GetValue<string>(), out _), Is.True, "appid is a UUID");
            Assert.That(manifest["app_version"]!.GetValue<string>(), Does.Match(@"^\d+\.\d+\.\d+$"));
            Assert.That(manifest["product_vendor"]!.GetValue<string>(), Is.EqualTo("Cisco"));
            Assert.That(manifest["product_name"]!.GetValue<string>(), Is.EqualTo("Cisco Webex"));
            Assert.That(manifest["main_module"]!.GetValue<string>(), Is.EqualTo("webexconnector_connector.py"));
            Assert.That(manifest["type"]!.GetValue<string>(), Is.EqualTo("information"));
        }
    }

    [Test]
    public void Write_Actions_AreExactlyTheCatalogue()
    {
        var catalogue = JsonNode.Parse(ActionCatalogJson.Write(ActionCatalog.All))!["actions"];

        Assert.That(JsonNode.DeepEquals(Manifest["actions"], catalogue), Is.True);
    }

    [Test]
    public void Write_Configuration_FollowsTheAssetSchemaInOrderWithSecretsAsPasswords()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "asset.schema.json")))!["properties"]!.AsObject();
        var configuration = Manifest["configuration"]!.AsObject();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(configuration.Select(p => p.Key), Is.EqualTo(schema.Select(p => p.Key)), "every setting, in the schema's order");
            Assert.That(configuration.Select(p => p.Value!["order"]!.GetValue<int>()), Is.EqualTo(Enumerable.Range(0, schema.Count)));
            Assert.That(Str(configuration["authorization_key"]!["data_type"]), Is.EqualTo("password"));
            Assert.That(Str(configuration["client_secret"]!["data_type"]), Is.EqualTo("password"));
            Assert.That(Str(configuration["client_id"]!["data_type"]), Is.EqualTo("string"));
            Assert.That(Str(configuration["timeout_seconds"]!["data_type"]), Is.EqualTo("numeric"));
            Assert.That(configuration["timeout_seconds"]!["default"]!.GetValue<double>(), Is.EqualTo(30));
            Assert.That(Str(configuration["base_url"]!["default"]), Is.EqualTo("https://webexapis.com/v1"));
            Assert.That(configuration["oauth_flow"]!["value_list"]!.AsArray().Select(v => v!.GetValue<string>()), Is.EqualTo(OAuthFlows));
            Assert.That(configuration.All(p => p.Value!["required"]!.GetValue<bool>() == false), Is.True, "a PAT or a client id and secret: no one key is required");
            Assert.That(configuration.All(p => !string.IsNullOrEmpty(Str(p.Value!["description"]))), Is.True);
        }
    }

    [Test]
    public void Module_IsStandardLibraryOnlyBesidesPhantom()
    {
        using var stream = typeof(SoarAppManifest).Assembly.GetManifestResourceStream("soar/webexconnector_connector.py")!;
        using var reader = new StreamReader(stream);
        var imports = Regex.Matches(reader.ReadToEnd(), @"^(?:import|from)\s+([A-Za-z_.]+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value.Split('.')[0]).Distinct();

        Assert.That(imports, Is.SubsetOf(AllowedImports));
    }

    private static string? Str(JsonNode? node) => node?.GetValue<string>();
}

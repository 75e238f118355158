using System.Reflection;
using System.Text.Json;
using WebexConnector.Actions;
using WebexConnector.Results;

namespace WebexConnector.Soar;

/// <summary>
/// The Splunk SOAR app manifest (<c>webexconnector.json</c>), generated: the asset configuration from
/// <c>asset.schema.json</c> and the actions from the same definitions as the <c>actions</c> catalogue.
/// </summary>
internal static class SoarAppManifest
{
    /// <summary>Ours, fixed: SOAR recognises an upgrade of an installed app by this id.</summary>
    public const string AppId = "7d3f5b0e-9c2a-4e61-8f47-1b6a2c9e5d83";

    public const string PackageName = "webexconnector";

    public const string MainModule = "webexconnector_connector.py";

    public const string Logo = "logo_webexconnector.svg";

    public const string LogoDark = "logo_webexconnector_dark.svg";

    /// <summary>The app version: the connector's own version, as SOAR wants it (three numbers).</summary>
    public static string AppVersion =>
        typeof(SoarAppManifest).Assembly.GetName().Version is { } version ? $"{version.Major}.{version.Minor}.{version.Build}" : "0.0.0";

    public static string Write() => OutputJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("appid", AppId);
        writer.WriteString("name", "Webex Connector");
        writer.WriteString("description", "Cisco Webex actions for incident response (rooms, people, messages and files, memberships, meetings and their records, compliance events), run by the bundled webex-connector executable; playbooks written for the Cisco Webex app 3.x run unchanged");
        writer.WriteString("type", "information");
        writer.WriteString("product_vendor", "Cisco");
        writer.WriteString("product_name", "Cisco Webex");
        writer.WriteString("product_version_regex", ".*");
        writer.WriteString("publisher", "WebexConnector contributors");
        writer.WriteString("license", "Copyright (c) 2026 WebexConnector contributors, MIT License");
        writer.WriteString("app_version", AppVersion);
        writer.WriteString("package_name", "phantom_" + PackageName);
        writer.WriteString("main_module", MainModule);
        writer.WriteString("min_phantom_version", "6.3.0");
        writer.WriteString("app_wizard_version", "1.0.0");
        writer.WriteString("python_version", "3");
        writer.WriteBoolean("fips_compliant", false);
        writer.WriteString("logo", Logo);
        writer.WriteString("logo_dark", LogoDark);
        writer.WriteStartObject("configuration");
        WriteConfiguration(writer);
        writer.WriteEndObject();
        ActionCatalogJson.WriteActions(writer, ActionCatalog.All);
        writer.WriteEndObject();
    });

    // One entry per asset setting, in the schema's order: SOAR shows them in this form.
    private static void WriteConfiguration(Utf8JsonWriter writer)
    {
        var schema = Configuration.AssetSchema.Instance;
        var order = 0;
        foreach (var property in schema.Root.GetProperty("properties").EnumerateObject())
        {
            var rules = property.Value;
            writer.WriteStartObject(property.Name);
            writer.WriteString("description", rules.TryGetProperty("description", out var description) ? description.GetString() : property.Name);
            writer.WriteString("data_type", DataType(rules));
            writer.WriteBoolean("required", false); // a PAT or a client id and secret: no single key is required
            if (rules.TryGetProperty("default", out var value))
            {
                writer.WritePropertyName("default");
                value.WriteTo(writer);
            }

            if (rules.TryGetProperty("enum", out var values))
            {
                ActionCatalogJson.WriteStrings(writer, "value_list", values.EnumerateArray().Select(v => v.GetString()!));
            }

            writer.WriteNumber("order", order++);
            writer.WriteEndObject();
        }
    }

    private static string DataType(JsonElement rules) =>
        rules.TryGetProperty("x-secret", out var secret) && secret.ValueKind == JsonValueKind.True ? "password"
        : rules.TryGetProperty("type", out var type) && type.GetString() is "number" or "integer" ? "numeric"
        : rules.TryGetProperty("type", out type) && type.GetString() == "boolean" ? "boolean"
        : "string";
}

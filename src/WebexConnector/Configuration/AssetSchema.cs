using System.Text.Json;
using Json.Schema;

namespace WebexConnector.Configuration;

/// <summary>
/// <c>asset.schema.json</c>, embedded from the repository root: the one source of the asset settings. Read once: the
/// validator (JsonSchema.Net, System.Text.Json only, so it publishes as Native AOT) and the settings' own rules.
/// </summary>
internal sealed class AssetSchema
{
    private static readonly Lazy<AssetSchema> Loaded = new(Load);

    private AssetSchema(JsonElement root, JsonSchema validator)
    {
        Root = root;
        Validator = validator;
        Settings = [.. root.GetProperty("properties").EnumerateObject().Select(p => p.Name)];
    }

    public static AssetSchema Instance => Loaded.Value;

    /// <summary>The schema document as written.</summary>
    public JsonElement Root { get; }

    public JsonSchema Validator { get; }

    /// <summary>The settings, in the schema's order.</summary>
    public string[] Settings { get; }

    /// <summary>The rules of one setting (<c>type</c>, <c>minimum</c>, <c>enum</c>, <c>x-secret</c>, …).</summary>
    public JsonElement Setting(string name) => Root.GetProperty("properties").GetProperty(name);

    public bool IsSecret(string name) =>
        Setting(name).TryGetProperty("x-secret", out var secret) && secret.ValueKind == JsonValueKind.True;

    private static AssetSchema Load()
    {
        using var stream = typeof(AssetSchema).Assembly.GetManifestResourceStream("asset.schema.json")
            ?? throw new InvalidOperationException("asset.schema.json is not embedded in the library.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        using var document = JsonDocument.Parse(text);

        // x-secret is ours: JsonSchema.Net keeps unknown keywords as annotations and does not evaluate them.
        return new AssetSchema(document.RootElement.Clone(), JsonSchema.FromText(text));
    }
}

using System.Text.Json;

namespace WebexConnector.Soar;

/// <summary><c>asset.schema.json</c> as embedded in the library: the one source of the asset settings.</summary>
internal static class AssetSchemaDocument
{
    public static JsonDocument Load()
    {
        using var stream = typeof(AssetSchemaDocument).Assembly.GetManifestResourceStream("asset.schema.json")
            ?? throw new InvalidOperationException("asset.schema.json is not embedded in the library.");
        return JsonDocument.Parse(stream);
    }
}

using System.Text.Json;

namespace WebexConnector.Runs;

/// <summary>
/// Reads the platform form's JSON document (a SOAR connector run). Keys it does not know are ignored, at the
/// top level and in parameter entries, because a real SOAR run carries many more.
/// </summary>
internal static class ConnectorRunDocument
{
    /// <summary>Larger documents are refused before they are parsed.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>Parses <paramref name="utf8Json"/>, or throws <see cref="ConnectorInvocationException"/> saying what is wrong.</summary>
    public static ConnectorRun Parse(ReadOnlyMemory<byte> utf8Json)
    {
        if (utf8Json.Length > MaxBytes)
        {
            throw new ConnectorInvocationException($"The run document is larger than {MaxBytes / (1024 * 1024)} MiB.");
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(Utf8Input.Check(utf8Json, "run document"), Options);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ConnectorInvocationException($"The run document is not valid JSON: {JsonSyntaxError.Describe(e)}.");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ConnectorInvocationException("The run document must be a JSON object.");
        }

        JsonUnicode.Check(root, "run document");

        return new ConnectorRun
        {
            Identifier = RequiredString(root, "identifier"),
            Action = OptionalString(root, "action"),
            AssetId = OptionalString(root, "asset_id") ?? Configuration.AssetIdRules.Default,
            Config = OptionalObject(root, "config") ?? EmptyObject(),
            UnknownConfigKeys = Configuration.UnknownKeyPolicy.IgnoreAllButTypos,
            Parameters = ParameterEntries(root),
        };
    }

    private static string RequiredString(JsonElement root, string name) =>
        OptionalString(root, name) is { Length: > 0 } value
            ? value
            : throw new ConnectorInvocationException($"The run document has no '{name}'.");

    private static string? OptionalString(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw new ConnectorInvocationException($"'{name}' in the run document must be a string.");

    private static JsonElement? OptionalObject(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Object ? value
        : throw new ConnectorInvocationException($"'{name}' in the run document must be a JSON object.");

    private static JsonElement[] ParameterEntries(JsonElement root)
    {
        if (!root.TryGetProperty("parameters", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new ConnectorInvocationException("'parameters' in the run document must be a list of objects.");
        }

        var entries = list.EnumerateArray().ToArray();
        for (var i = 0; i < entries.Length; i++)
        {
            if (entries[i].ValueKind != JsonValueKind.Object)
            {
                throw new ConnectorInvocationException($"parameters[{i}] in the run document must be a JSON object.");
            }
        }

        return entries;
    }

    private static JsonElement EmptyObject()
    {
        using var document = JsonDocument.Parse("{}");
        return document.RootElement.Clone();
    }
}

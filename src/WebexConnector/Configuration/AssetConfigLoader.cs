using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace WebexConnector.Configuration;

/// <summary>
/// Validates an asset config against <c>asset.schema.json</c> (embedded from the repository root) and reads it.
/// Every rule lives in the schema (and the few rules no schema can state safely: unknown keys, URLs, credentials);
/// <see cref="SchemaErrorMessages"/> turns schema errors into messages an operator can act on.
/// </summary>
internal static class AssetConfigLoader
{
    private static readonly EvaluationOptions ListErrors = new() { OutputFormat = OutputFormat.List };

    /// <summary>Reads and validates <paramref name="config"/>, or throws <see cref="ConnectorInvocationException"/>.</summary>
    /// <param name="config">The config object.</param>
    /// <param name="unknownKeys">What keys that are not asset settings mean (refused in an operator's file).</param>
    public static async Task<AssetConfig> LoadAsync(JsonElement config, UnknownKeyPolicy unknownKeys = UnknownKeyPolicy.Refuse)
    {
        if (config.ValueKind != JsonValueKind.Object)
        {
            throw new ConnectorInvocationException("The asset config must be a JSON object.");
        }

        var values = WithoutUnsetValues(config);
        var schema = AssetSchema.Instance;
        UnknownConfigKeys.Apply(values, schema.Settings, unknownKeys);
        var ruleErrors = CredentialRules.TrimAndCheck(values).Concat(AssetUrlRules.Check(values)).ToArray();
        if (ruleErrors.Length > 0)
        {
            throw new ConnectorInvocationException("Invalid asset config: " + string.Join(" ", ruleErrors));
        }

        using var document = JsonDocument.Parse(values.ToJsonString());
        var results = schema.Validator.Evaluate(document.RootElement, ListErrors);
        if (!results.IsValid)
        {
            throw new ConnectorInvocationException("Invalid asset config: " + string.Join(" ", SchemaErrorMessages.Describe(results, schema, values)));
        }

        await Task.CompletedTask.ConfigureAwait(false); // kept asynchronous for callers; validation itself no longer reads anything

        return new AssetConfig
        {
            AuthorizationKey = String(values, "authorization_key"),
            ClientId = String(values, "client_id"),
            ClientSecret = String(values, "client_secret"),
            BaseUrl = Url(values, "base_url") ?? AssetConfig.DefaultBaseUrl,
            RedirectUri = Url(values, "redirect_uri") ?? AssetConfig.DefaultRedirectUri,
            Scope = String(values, "scope") ?? AssetConfig.DefaultScope,
            Timeout = Seconds(values, "timeout_seconds") ?? TimeSpan.FromSeconds(30),
            AuthTimeout = Seconds(values, "auth_timeout_seconds") ?? TimeSpan.FromSeconds(300),
            OAuthFlow = String(values, "oauth_flow") == "device" ? OAuthFlow.Device : OAuthFlow.Browser,
        };
    }

    /// <summary>
    /// The values of the keys the schema marks <c>x-secret</c>, read before validation so that not even a
    /// validation message can show them.
    /// </summary>
    public static Task<IReadOnlyList<string>> SecretValuesAsync(JsonElement config)
    {
        if (config.ValueKind != JsonValueKind.Object)
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        var schema = AssetSchema.Instance;
        IReadOnlyList<string> secrets = schema.Settings
            .Where(schema.IsSecret)
            .Select(name => config.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null)
            .OfType<string>()
            .SelectMany(secret => new[] { secret, secret.Trim() }) // the trimmed value is the one that is sent
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return Task.FromResult(secrets);
    }

    // "An empty string counts as unset", and so does null: both are removed before validation.
    private static JsonObject WithoutUnsetValues(JsonElement config)
    {
        var values = new JsonObject();
        foreach (var property in config.EnumerateObject())
        {
            if (property.Value.ValueKind is JsonValueKind.Null
                || (property.Value.ValueKind is JsonValueKind.String && property.Value.GetString()!.Length == 0))
            {
                continue;
            }

            values[property.Name] = JsonNode.Parse(property.Value.GetRawText());
        }

        return values;
    }

    private static string? String(JsonObject values, string key) => values[key]?.GetValue<string>();

    // Refit appends "/rooms" to the base path, so a trailing slash would double it.
    private static Uri? Url(JsonObject values, string key) => String(values, key) is { } text ? new Uri(text.TrimEnd('/'), UriKind.Absolute) : null;

    private static TimeSpan? Seconds(JsonObject values, string key) =>
        values[key] is { } node ? TimeSpan.FromSeconds(node.GetValue<double>()) : null;
}

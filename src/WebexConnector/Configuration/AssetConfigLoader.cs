using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace WebexConnector.Configuration;

/// <summary>
/// Validates an asset config against <c>asset.schema.json</c> (embedded from the repository root) and reads it.
/// Every rule lives in the schema; this class only turns schema errors into messages an operator can act on.
/// </summary>
public static class AssetConfigLoader
{
    private static readonly Lazy<Task<JsonSchema>> Schema = new(LoadSchemaAsync);

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
        var schema = await Schema.Value.ConfigureAwait(false);
        UnknownConfigKeys.Apply(values, [.. schema.Properties.Keys], unknownKeys);
        var ruleErrors = CredentialRules.TrimAndCheck(values).Concat(AssetUrlRules.Check(values)).ToArray();
        if (ruleErrors.Length > 0)
        {
            throw new ConnectorInvocationException("Invalid asset config: " + string.Join(" ", ruleErrors));
        }

        var errors = schema.Validate(values.ToJsonString());
        if (errors.Count > 0)
        {
            var messages = errors
                .OrderBy(error => error.Kind == ValidationErrorKind.NotAnyOf)
                .Select(error => Describe(error, schema, values)).Distinct(StringComparer.Ordinal);
            throw new ConnectorInvocationException("Invalid asset config: " + string.Join(" ", messages));
        }

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
    public static async Task<IReadOnlyList<string>> SecretValuesAsync(JsonElement config)
    {
        if (config.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var schema = await Schema.Value.ConfigureAwait(false);
        return schema.Properties
            .Where(p => p.Value.ExtensionData?.TryGetValue("x-secret", out var secret) == true && secret is true)
            .Select(p => config.TryGetProperty(p.Key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null)
            .OfType<string>()
            .SelectMany(secret => new[] { secret, secret.Trim() }) // the trimmed value is the one that is sent
            .Distinct(StringComparer.Ordinal)
            .ToArray();
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

    private static string Describe(ValidationError error, JsonSchema schema, JsonObject values)
    {
        var key = error.Property ?? error.Path?.TrimStart('#', '/');
        return error.Kind switch
        {
            ValidationErrorKind.NoAdditionalPropertiesAllowed =>
                $"Unknown key '{key}'; the known keys are {string.Join(", ", schema.Properties.Keys)}.",
            ValidationErrorKind.NotAnyOf =>
                "Set either authorization_key (a Personal Access Token) or both client_id and client_secret (an OAuth integration).",
            ValidationErrorKind.PatternMismatch or ValidationErrorKind.UriExpected when key == "base_url" =>
                $"base_url '{AssetUrlRules.Display(values[key]?.ToString() ?? "")}' must be an https URL; http is allowed only for a loopback host (127.0.0.0/8, ::1, localhost).",
            ValidationErrorKind.PatternMismatch or ValidationErrorKind.UriExpected when key == "redirect_uri" =>
                $"redirect_uri '{AssetUrlRules.Display(values[key]?.ToString() ?? "")}' must be an http URL on a loopback host (127.0.0.0/8, ::1, localhost), where the connector listens for the browser.",
            ValidationErrorKind.StringExpected => $"'{key}' must be a string.",
            ValidationErrorKind.NumberExpected => $"'{key}' must be a number.",
            ValidationErrorKind.NumberTooSmall or ValidationErrorKind.NumberTooBig =>
                $"'{key}' must be at least {schema.Properties[key!].Minimum?.ToString(CultureInfo.InvariantCulture)} and at most {schema.Properties[key!].Maximum?.ToString(CultureInfo.InvariantCulture)} (seconds).",
            _ => $"'{key}': {error.Kind}.",
        };
    }

    private static string? String(JsonObject values, string key) => values[key]?.GetValue<string>();

    // Refit appends "/rooms" to the base path, so a trailing slash would double it.
    private static Uri? Url(JsonObject values, string key) => String(values, key) is { } text ? new Uri(text.TrimEnd('/'), UriKind.Absolute) : null;

    private static TimeSpan? Seconds(JsonObject values, string key) =>
        values[key] is { } node ? TimeSpan.FromSeconds(node.GetValue<double>()) : null;

    private static async Task<JsonSchema> LoadSchemaAsync()
    {
        var stream = typeof(AssetConfigLoader).Assembly.GetManifestResourceStream("asset.schema.json")
            ?? throw new InvalidOperationException("asset.schema.json is not embedded in the library.");
        using var reader = new StreamReader(stream);
        return await JsonSchema.FromJsonAsync(await reader.ReadToEndAsync().ConfigureAwait(false)).ConfigureAwait(false);
    }
}

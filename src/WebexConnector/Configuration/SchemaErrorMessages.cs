using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using WebexConnector.Security;

namespace WebexConnector.Configuration;

/// <summary>Turns JsonSchema.Net's evaluation errors into one message per problem: the key, the rule, the kind of value.</summary>
internal static partial class SchemaErrorMessages
{
    private const string EitherCredential =
        "Set either authorization_key (a Personal Access Token) or both client_id and client_secret (an OAuth integration).";

    public static IEnumerable<string> Describe(EvaluationResults results, AssetSchema schema, JsonObject values)
    {
        var messages = new List<string>();
        var details = results.Details ?? [];

        // The list output has no node for anyOf itself: it failed when every branch (/anyOf/0, /anyOf/1) failed.
        var branches = details.Where(d => AnyOfBranch().IsMatch(d.EvaluationPath.ToString())).ToArray();
        var credentialsMissing = branches.Length > 0 && branches.All(d => !d.IsValid);
        foreach (var detail in details.Where(d => !d.IsValid))
        {
            if (detail.EvaluationPath.ToString().StartsWith("/anyOf", StringComparison.Ordinal))
            {
                continue; // a branch's own errors ("required ... not present") say less than the message below
            }

            var key = detail.InstanceLocation.ToString().TrimStart('/').Split('/')[0];
            foreach (var (keyword, text) in detail.Errors ?? new Dictionary<string, string>())
            {
                messages.Add(Describe(keyword, text, key, schema, values));
            }
        }

        if (credentialsMissing)
        {
            messages.Add(EitherCredential); // last, after what is wrong with the keys given
        }

        return messages.Distinct(StringComparer.Ordinal);
    }

    private static string Describe(string keyword, string text, string key, AssetSchema schema, JsonObject values) => keyword switch
    {
        "pattern" or "format" when key == "base_url" => AssetUrlRules.NotHttpsOrLoopback(values[key]?.ToString() ?? ""),
        "pattern" or "format" when key == "redirect_uri" => AssetUrlRules.NotLoopbackRedirect(values[key]?.ToString() ?? ""),
        "type" => $"'{key}' must be {Article(schema.Setting(key).GetProperty("type").GetString())}.",
        "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" => string.Create(
            CultureInfo.InvariantCulture,
            $"'{key}' must be at least {Number(schema, key, "minimum")} and at most {Number(schema, key, "maximum")} (seconds)."),
        "enum" => $"'{key}' must be one of {string.Join(", ", schema.Setting(key).GetProperty("enum").EnumerateArray().Select(v => v.GetString()))}.",
        "additionalProperties" => $"Unknown key '{key}'; the known keys are {string.Join(", ", schema.Settings)}.",
        _ => $"'{key}': {TextSanitizer.Excerpt(text)}",
    };

    private static string Article(string? type) => type switch
    {
        "string" => "a string",
        "number" => "a number",
        "integer" => "a whole number",
        "boolean" => "true or false",
        _ => $"of type {type}",
    };

    private static string Number(AssetSchema schema, string key, string bound) =>
        schema.Setting(key).TryGetProperty(bound, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble().ToString(CultureInfo.InvariantCulture)
            : "?";

    [System.Text.RegularExpressions.GeneratedRegex(@"^/anyOf/[0-9]+$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex AnyOfBranch();
}

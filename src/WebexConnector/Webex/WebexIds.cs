using System.Text.Json;

namespace WebexConnector.Webex;

/// <summary>Reads ids out of Webex objects for the next call, e.g. a listed transcript's id for its download.</summary>
internal static class WebexIds
{
    /// <summary>
    /// The string <paramref name="property"/> of <paramref name="item"/> when it can go into a URL path as one segment:
    /// not empty, and not <c>.</c> or <c>..</c>, which the URL would resolve as a step to another resource
    /// (a broken or hostile answer must not steer the next request). Null otherwise.
    /// </summary>
    public static string? PathSegment(JsonElement item, string property) =>
        item.ValueKind == JsonValueKind.Object
        && item.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.String
        && value.GetString() is { Length: > 0 } id
        && id is not ("." or "..")
            ? id
            : null;
}

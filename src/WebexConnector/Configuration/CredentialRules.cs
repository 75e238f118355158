using System.Text.Json.Nodes;

namespace WebexConnector.Configuration;

/// <summary>
/// Credentials as people paste them: surrounding spaces and line breaks are trimmed, anything else that is not a
/// printable character is refused here, naming the key, rather than failing later as a header error.
/// </summary>
internal static class CredentialRules
{
    public static readonly string[] Keys = ["authorization_key", "client_id", "client_secret"];

    /// <summary>Trims the credentials in place; returns a message per credential that still holds a control character.</summary>
    public static IEnumerable<string> TrimAndCheck(JsonObject values)
    {
        var errors = new List<string>();
        foreach (var key in Keys)
        {
            if (values[key] is not JsonValue value || !value.TryGetValue<string>(out var text))
            {
                continue;
            }

            var trimmed = text.Trim();
            if (trimmed.Length == 0)
            {
                values.Remove(key); // only whitespace: unset, like an empty string
                continue;
            }

            values[key] = trimmed;
            if (trimmed.Any(char.IsControl))
            {
                errors.Add($"'{key}' contains a line break or control character inside it; paste the value alone.");
            }
            else if (key == "client_id" && trimmed.Contains(':', StringComparison.Ordinal))
            {
                // HTTP Basic (the device grant's token request) separates the client id from the secret with ':'.
                errors.Add("'client_id' contains ':', which no Webex client id has; paste the integration's client id alone.");
            }
        }

        return errors;
    }
}

using System.Text.Json.Nodes;
using WebexConnector.Security;
using WebexConnector.Webex;

namespace WebexConnector.Configuration;

/// <summary>
/// Removes or refuses the keys of an asset config that are not asset settings, before the schema sees it. A key
/// within two edits of a setting (<c>authorization_kye</c>) is refused whatever the policy: a typo must never
/// silently switch the auth mode or send a token elsewhere.
/// </summary>
internal static class UnknownConfigKeys
{
    private const int MaxTypoDistance = 2;

    /// <summary>Applies <paramref name="policy"/> to <paramref name="values"/> in place, or throws saying which key is wrong.</summary>
    public static void Apply(JsonObject values, string[] settings, UnknownKeyPolicy policy)
    {
        var errors = new List<string>();
        foreach (var key in values.Select(property => property.Key).Where(key => !settings.Contains(key)).ToArray())
        {
            if (ClosestSetting(key, settings) is { } meant)
            {
                errors.Add($"Unknown key '{TextSanitizer.Echo(key)}'; did you mean '{meant}'?");
            }
            else if (policy == UnknownKeyPolicy.Refuse)
            {
                errors.Add($"Unknown key '{TextSanitizer.Echo(key)}'; the known keys are {string.Join(", ", settings)}.");
            }
            else
            {
                values.Remove(key);
            }
        }

        if (errors.Count > 0)
        {
            throw new ConnectorInvocationException("Invalid asset config: " + string.Join(" ", errors));
        }
    }

    /// <summary>The setting <paramref name="key"/> is most likely a typo of, if any is within two edits (ignoring case).</summary>
    public static string? ClosestSetting(string key, IEnumerable<string> settings) =>
        settings
            .Select(setting => (setting, distance: EditDistance.Between(key.ToLowerInvariant(), setting)))
            .Where(candidate => candidate.distance <= MaxTypoDistance)
            .OrderBy(candidate => candidate.distance)
            .Select(candidate => candidate.setting)
            .FirstOrDefault();
}

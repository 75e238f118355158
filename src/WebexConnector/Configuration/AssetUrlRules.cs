using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WebexConnector.Security;

namespace WebexConnector.Configuration;

/// <summary>
/// The rules for <c>base_url</c> and <c>redirect_uri</c> that a schema pattern cannot state safely: no user info
/// (it would travel with every request, and a message must never echo it), and a loopback host parsed as an
/// address. Checked before the schema, so the first message names the real problem.
/// </summary>
internal static partial class AssetUrlRules
{
    public static IEnumerable<string> Check(JsonObject values)
    {
        if (Read(values, "base_url") is { } baseUrl)
        {
            if (HasUserInfo(baseUrl.Text, baseUrl.Url))
            {
                yield return "base_url must not contain a user name or password (user:password@); the connector authenticates with authorization_key or client_id and client_secret.";
            }
            else if (baseUrl.Url is { Scheme: "http" } http && !LoopbackHost.Is(http))
            {
                yield return NotHttpsOrLoopback(baseUrl.Text);
            }
        }

        if (Read(values, "redirect_uri") is { } redirect)
        {
            if (HasUserInfo(redirect.Text, redirect.Url))
            {
                yield return "redirect_uri must not contain a user name or password (user:password@).";
            }
            else if (redirect.Url is { } url && (url.Scheme != "http" || !LoopbackHost.Is(url)))
            {
                yield return NotLoopbackRedirect(redirect.Text);
            }
            else if (redirect.Url is { Port: 0 })
            {
                yield return "redirect_uri must name a fixed port (not 0): the same URL is registered on the integration.";
            }
        }
    }

    /// <summary>The rule <c>base_url</c> breaks, here or in the schema's pattern.</summary>
    public static string NotHttpsOrLoopback(string url) =>
        $"base_url '{Display(url)}' must be an https URL; http is allowed only for a loopback host (127.0.0.0/8, ::1, localhost).";

    /// <summary>The rule <c>redirect_uri</c> breaks, here or in the schema's pattern.</summary>
    public static string NotLoopbackRedirect(string url) =>
        $"redirect_uri '{Display(url)}' must be an http URL on a loopback host (127.0.0.0/8, ::1, localhost), where the connector listens for the browser.";

    /// <summary>A URL as it may be shown: without anything between <c>//</c> and an <c>@</c>.</summary>
    public static string Display(string url) => TextSanitizer.Echo(UserInfo().Replace(url, "//"));

    private static (string Text, Uri? Url)? Read(JsonObject values, string key) =>
        values[key] is JsonValue value && value.TryGetValue<string>(out var text)
            ? (text, Uri.TryCreate(text, UriKind.Absolute, out var url) ? url : null)
            : null;

    // Uri.UserInfo misses a malformed URL; the text check catches "user:pw@" wherever it stands before the path.
    private static bool HasUserInfo(string text, Uri? url) => url is { UserInfo.Length: > 0 } || UserInfo().IsMatch(text);

    [GeneratedRegex(@"//[^/?#]*@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();
}

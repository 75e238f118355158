using System.Text;

namespace WebexConnector.Auth;

/// <summary>Builds <c>{base_url}/authorize?client_id=...&amp;response_type=code&amp;...</c> for the browser.</summary>
internal static class AuthorizationUrl
{
    public static Uri Build(Uri baseUrl, string clientId, Uri redirectUri, string scope, Pkce pkce)
    {
        var query = new StringBuilder();
        Append(query, "client_id", clientId);
        Append(query, "response_type", "code");
        Append(query, "redirect_uri", redirectUri.OriginalString);
        Append(query, "scope", scope);
        Append(query, "state", pkce.State);
        Append(query, "code_challenge", pkce.CodeChallenge);
        Append(query, "code_challenge_method", Pkce.Method);
        return new Uri($"{baseUrl.OriginalString.TrimEnd('/')}/authorize?{query}");
    }

    private static void Append(StringBuilder query, string name, string value)
    {
        if (query.Length > 0)
        {
            query.Append('&');
        }

        query.Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }
}

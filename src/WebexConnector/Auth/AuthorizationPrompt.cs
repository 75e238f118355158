namespace WebexConnector.Auth;

/// <summary>Tells the operator where to authorize. The CLI writes to stderr: stdout carries only the result document.</summary>
public sealed class AuthorizationPrompt(TextWriter writer)
{
    public const string Prefix = "Open this URL in a browser to authorize: ";

    public void Show(Uri authorizationUrl)
    {
        ArgumentNullException.ThrowIfNull(authorizationUrl);
        writer.WriteLine(Prefix + authorizationUrl.AbsoluteUri);
        writer.Flush();
    }
}

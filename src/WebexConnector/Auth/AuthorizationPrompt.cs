namespace WebexConnector.Auth;

/// <summary>Tells the operator where to authorize. The CLI writes to stderr: stdout carries only the result document.</summary>
internal sealed class AuthorizationPrompt(TextWriter writer)
{
    public const string Prefix = "Open this URL in a browser to authorize: ";

    /// <summary>The start of the device grant's line: a person can act on it from any device.</summary>
    public const string DevicePrefix = "To authorize, on any device open ";

    /// <summary>A line the operator should read before authorizing, e.g. whose stored pair the authorization replaces.</summary>
    public void Notice(string text)
    {
        writer.WriteLine(text);
        writer.Flush();
    }

    public void Show(Uri authorizationUrl)
    {
        ArgumentNullException.ThrowIfNull(authorizationUrl);
        writer.WriteLine(Prefix + authorizationUrl.AbsoluteUri);
        writer.Flush();
    }

    /// <summary>
    /// One line for the device grant: the URL with the code in it, and the plain URL with the code to type, e.g.
    /// <c>To authorize, on any device open https://…/verify?userCode=… or open https://…/verify and enter the code 729703 (valid for 300 s).</c>
    /// </summary>
    public void Show(DeviceAuthorization device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var line = new System.Text.StringBuilder(DevicePrefix);
        if (device.VerificationUriComplete is { } complete)
        {
            line.Append(complete.AbsoluteUri).Append(" or open ");
        }

        line.Append(device.VerificationUri.AbsoluteUri).Append(" and enter the code ").Append(device.UserCode);
        line.Append(device.ExpiresIn is { } expiresIn
            ? System.FormattableString.Invariant($" (valid for {expiresIn.TotalSeconds:0} s).")
            : ".");
        writer.WriteLine(line.ToString());
        writer.Flush();
    }
}

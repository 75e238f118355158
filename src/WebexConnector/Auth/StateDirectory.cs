namespace WebexConnector.Auth;

/// <summary>
/// Where state files live: <c>--state-dir</c>, else <c>$WEBEX_CONNECTOR_STATE_DIR</c>, else
/// <c>$XDG_STATE_HOME/webex-connector</c>, else <c>~/.local/state/webex-connector</c>.
/// </summary>
internal static class StateDirectory
{
    public const string EnvironmentVariable = "WEBEX_CONNECTOR_STATE_DIR";

    public static string Resolve(string? commandLineValue) => Resolve(commandLineValue, Environment.GetEnvironmentVariable);

    public static string Resolve(string? commandLineValue, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrEmpty(commandLineValue))
        {
            return Path.GetFullPath(commandLineValue);
        }

        if (environment(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return Path.GetFullPath(fromEnvironment);
        }

        if (environment("XDG_STATE_HOME") is { Length: > 0 } xdg)
        {
            return Path.Combine(Path.GetFullPath(xdg), "webex-connector");
        }

        var home = environment("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".local", "state", "webex-connector");
    }
}

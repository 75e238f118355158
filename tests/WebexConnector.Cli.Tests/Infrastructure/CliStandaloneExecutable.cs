namespace WebexConnector.Cli.Tests.Infrastructure;

public sealed partial class CliRunner
{
    /// <summary>
    /// One executable file that runs the CLI under test, for bundling into the SOAR app: <c>$WEBEX_CONNECTOR_EXE</c>
    /// when it is a published single file, else a shell wrapper (<c>exec dotnet webex-connector.dll "$@"</c>) in
    /// <see cref="WorkDir"/>, since a framework-dependent build cannot be copied alone.
    /// </summary>
    public string WriteStandaloneExecutable()
    {
        var command = CreateStartInfo([]);
        if (command.ArgumentList.Count == 0)
        {
            return command.FileName;
        }

        var path = Path.Combine(WorkDir, "webex-connector-wrapper");
        var words = string.Join(" ", new[] { command.FileName }.Concat(command.ArgumentList).Select(Quote));
        File.WriteAllText(path, $"#!/bin/sh\nexec {words} \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return path;
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

using System.CommandLine;
using WebexConnector.Cli.Output;

namespace WebexConnector.Cli.Commands;

/// <summary>Options every command takes, before or after its arguments.</summary>
internal sealed class GlobalOptions
{
    public GlobalOptions()
    {
        Output.AcceptOnlyFromAmong("json", "text");
    }

    public Option<string?> StateDir { get; } = new("--state-dir")
    {
        Description = "Folder of the per-asset OAuth state files (default: $WEBEX_CONNECTOR_STATE_DIR, $XDG_STATE_HOME/webex-connector, ~/.local/state/webex-connector)",
        Recursive = true,
    };

    public Option<string> Output { get; } = new("--output")
    {
        Description = "json (the SOAR connector-run document, default) or text (a table for people)",
        Recursive = true,
        DefaultValueFactory = _ => "json",
    };

    public OutputFormat GetFormat(ParseResult parseResult) =>
        parseResult.GetValue(Output) == "text" ? OutputFormat.Text : OutputFormat.Json;
}

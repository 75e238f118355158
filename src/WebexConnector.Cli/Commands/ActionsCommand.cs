using System.CommandLine;
using WebexConnector.Actions;

namespace WebexConnector.Cli.Commands;

/// <summary><c>webex-connector actions</c>: the action catalogue as JSON, in the shape of a SOAR app manifest's <c>actions</c>.</summary>
internal sealed class ActionsCommand : Command
{
    public ActionsCommand()
        : base("actions", "Print every action with its parameters and output data paths, as JSON")
    {
        SetAction(_ =>
        {
            Console.Out.Write(ActionCatalogJson.Write(ActionCatalog.All));
            return ExitCodes.Success;
        });
    }
}

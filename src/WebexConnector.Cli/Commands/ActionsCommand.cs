using System.CommandLine;
using WebexConnector.Actions;
using WebexConnector.Cli.Output;

namespace WebexConnector.Cli.Commands;

/// <summary><c>webex-connector actions</c>: the action catalogue as JSON, in the shape of a SOAR app manifest's <c>actions</c>.</summary>
internal sealed class ActionsCommand : Command
{
    public ActionsCommand(ResultPrinter printer)
        : base("actions", "Print every action with its parameters and output data paths, as JSON")
    {
        SetAction(_ =>
        {
            printer.PrintDocument(ActionCatalogJson.Write(ActionCatalog.All));
            return ExitCodes.Success;
        });
    }
}

using System.CommandLine;
using WebexConnector.Actions;
using WebexConnector.Cli.Output;

namespace WebexConnector.Cli.Commands;

/// <summary>
/// <c>webex-connector actions</c>: the action catalogue as JSON, in the shape of a SOAR app manifest's <c>actions</c>;
/// with <c>--output text</c> the README's tables of actions, scopes and parameters.
/// </summary>
internal sealed class ActionsCommand : Command
{
    public ActionsCommand(GlobalOptions global, ResultPrinter printer)
        : base("actions", "Print every action with its parameters and output data paths, as JSON (--output text: as tables)")
    {
        SetAction(parseResult =>
        {
            printer.PrintDocument(global.GetFormat(parseResult) == OutputFormat.Text
                ? ActionCatalogMarkdown.Write(ActionCatalog.All)
                : ActionCatalogJson.Write(ActionCatalog.All));
            return ExitCodes.Success;
        });
    }
}

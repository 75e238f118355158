using System.CommandLine;
using System.CommandLine.Help;
using WebexConnector.Actions;
using WebexConnector.Cli.Commands;
using WebexConnector.Cli.Output;
using WebexConnector.Security;

namespace WebexConnector.Cli;

/// <summary>Builds the command tree and is the one place that turns a bad command line into exit code 2.</summary>
internal static class WebexConnectorCommandLine
{
    public static RootCommand Build(CliConsole console)
    {
        var global = new GlobalOptions();
        var invoker = new ConnectorInvoker(console);
        var root = new RootCommand("webex-connector: Splunk-SOAR-style connector actions for Cisco Webex")
        {
            global.StateDir,
            global.Output,
            new RunCommand(global, invoker),
            new ActionsCommand(global, console.Printer),
            new AuthCommand(global, console),
            new SoarAppCommand(console),
        };
        foreach (var action in ActionCatalog.All)
        {
            root.Add(new ActionCommand(action, global, invoker));
        }

        // Without a command there is nothing to run: show what there is, as git and dotnet do.
        root.SetAction(parseResult => new HelpAction().Invoke(parseResult));
        return root;
    }

    public static async Task<int> InvokeAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var root = Build(console);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0 && parseResult.Action is not HelpAction)
        {
            var message = "Invalid command line: " + string.Join(" ", parseResult.Errors.Select(e => TextSanitizer.Excerpt(e.Message, 400)));
            console.Error.WriteLine("Run 'webex-connector --help' for usage.");
            return console.Printer.PrintInvalid(message, OutputFormat.Json);
        }

        return await parseResult.InvokeAsync(
            new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                Output = console.Out,
                Error = console.Error,

                // SIGINT/SIGTERM cancel the running action, which then ends with a failed result and a full document.
                ProcessTerminationTimeout = console.Context.HandlesTerminationSignals ? TimeSpan.FromSeconds(10) : null,
            },
            cancellationToken).ConfigureAwait(false);
    }
}

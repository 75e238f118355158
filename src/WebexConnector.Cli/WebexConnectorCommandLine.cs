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
    public static RootCommand Build(SecretRedactor redactor, ResultPrinter printer)
    {
        var global = new GlobalOptions();
        var invoker = new ConnectorInvoker(redactor, printer);
        var root = new RootCommand("webex-connector: Splunk-SOAR-style connector actions for Cisco Webex")
        {
            global.StateDir,
            global.Output,
            new RunCommand(global, invoker),
            new ActionsCommand(global, printer),
            new AuthCommand(global, redactor, printer),
            new SoarAppCommand(printer),
        };
        foreach (var action in ActionCatalog.All)
        {
            root.Add(new ActionCommand(action, global, invoker));
        }

        return root;
    }

    public static async Task<int> InvokeAsync(string[] args, SecretRedactor redactor, ResultPrinter printer)
    {
        ArgumentNullException.ThrowIfNull(printer);
        var root = Build(redactor, printer);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0 && parseResult.Action is not HelpAction)
        {
            var message = "Invalid command line: " + string.Join(" ", parseResult.Errors.Select(e => Webex.TextSanitizer.Excerpt(e.Message, 400)));
            Console.Error.WriteLine("Run 'webex-connector --help' for usage.");
            return printer.PrintInvalid(message, OutputFormat.Json);
        }

        return await parseResult.InvokeAsync(new InvocationConfiguration
        {
            EnableDefaultExceptionHandler = false,

            // SIGINT/SIGTERM cancel the running action, which then ends with a failed result and a full document.
            ProcessTerminationTimeout = TimeSpan.FromSeconds(10),
        }).ConfigureAwait(false);
    }
}

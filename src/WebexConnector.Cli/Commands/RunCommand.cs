using System.CommandLine;
using WebexConnector.Runs;

namespace WebexConnector.Cli.Commands;

/// <summary><c>webex-connector run [FILE|-]</c>: the platform form, a SOAR connector-run JSON document.</summary>
internal sealed class RunCommand : Command
{
    private readonly Argument<string> _file = new("file")
    {
        Description = "The connector-run JSON document, or - for stdin (default)",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => "-",
    };

    public RunCommand(GlobalOptions global, ConnectorInvoker invoker)
        : base("run", "Run an action from a SOAR connector-run JSON document; one result per parameter entry")
    {
        Add(_file);
        SetAction(async (parseResult, cancellationToken) =>
        {
            var format = global.GetFormat(parseResult);
            ConnectorRun run;
            try
            {
                var path = parseResult.GetRequiredValue(_file);
                run = ConnectorRunDocument.Parse(InputFiles.Read(invoker.Context, path, ConnectorRunDocument.MaxBytes, "run document"));
            }
            catch (ConnectorInvocationException e)
            {
                return invoker.Printer.PrintInvalid(e.Message, format);
            }

            return await invoker.InvokeAsync(run, parseResult.GetValue(global.StateDir), format, cancellationToken).ConfigureAwait(false);
        });
    }
}

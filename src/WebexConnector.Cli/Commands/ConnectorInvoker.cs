using Microsoft.Extensions.Logging;
using WebexConnector.Cli.Output;
using WebexConnector.Runs;

namespace WebexConnector.Cli.Commands;

/// <summary>Runs a <see cref="ConnectorRun"/> through the library and prints its document; shared by both invocation forms.</summary>
internal sealed class ConnectorInvoker(CliConsole console)
{
    public const string LogLevelVariable = "WEBEX_CONNECTOR_LOG_LEVEL";

    public async Task<int> InvokeAsync(ConnectorRun run, string? stateDir, OutputFormat format, CancellationToken cancellationToken)
    {
        var context = console.Context;
        var runner = new ConnectorRunner(new ConnectorRunnerOptions
        {
            Redactor = console.Redactor,
            StateDirectory = context.StateDirectory(stateDir),
            TimeProvider = context.TimeProvider,
            StatusWriter = console.Error,
            ReportListingProgress = context.StandardErrorIsTerminal,
            ConfigureLogging = ConfigureStderrLogging,
            ConfigureServices = context.ConfigureServices,
        });
        var result = await runner.RunAsync(run, cancellationToken).ConfigureAwait(false);
        return console.Printer.Print(result, format);
    }

    public ResultPrinter Printer => console.Printer;

    public CliExecutionContext Context => console.Context;

    /// <summary>Diagnostics go to stderr only (stdout carries the document); <c>WEBEX_CONNECTOR_LOG_LEVEL</c> raises the detail.</summary>
    private void ConfigureStderrLogging(ILoggingBuilder logging)
    {
        var level = Enum.TryParse<LogLevel>(console.Context.GetEnvironmentVariable(LogLevelVariable), ignoreCase: true, out var wanted)
            ? wanted
            : LogLevel.Warning;
        logging.SetMinimumLevel(level);
        logging.AddProvider(new StderrLoggerProvider(console.Error));
    }
}

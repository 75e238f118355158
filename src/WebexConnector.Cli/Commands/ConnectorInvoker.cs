using Microsoft.Extensions.Logging;
using WebexConnector.Cli.Output;
using WebexConnector.Results;
using WebexConnector.Runs;
using WebexConnector.Security;

namespace WebexConnector.Cli.Commands;

/// <summary>Runs a <see cref="ConnectorRun"/> through the library and prints its document; shared by both invocation forms.</summary>
internal sealed class ConnectorInvoker(SecretRedactor redactor, ResultPrinter printer)
{
    public async Task<int> InvokeAsync(ConnectorRun run, string? stateDir, OutputFormat format, CancellationToken cancellationToken)
    {
        var runner = new ConnectorRunner(new ConnectorRunnerOptions
        {
            Redactor = redactor,
            StateDirectory = stateDir,
            ConfigureLogging = ConfigureStderrLogging,
        });
        var result = await runner.RunAsync(run, cancellationToken).ConfigureAwait(false);
        return printer.Print(result, format);
    }

    public ResultPrinter Printer => printer;

    /// <summary>Diagnostics go to stderr only (stdout carries the document); <c>WEBEX_CONNECTOR_LOG_LEVEL</c> raises the detail.</summary>
    public static void ConfigureStderrLogging(ILoggingBuilder logging)
    {
        var level = Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable("WEBEX_CONNECTOR_LOG_LEVEL"), ignoreCase: true, out var wanted)
            ? wanted
            : LogLevel.Warning;
        logging.SetMinimumLevel(level);
        logging.AddSimpleConsole(options => options.SingleLine = true);
        logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}

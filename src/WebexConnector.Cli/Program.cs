using System.Text;
using WebexConnector.Cli;
using WebexConnector.Cli.Output;
using WebexConnector.Results;
using WebexConnector.Security;

// Everything printed passes the redactor: secrets never reach stdout or stderr. Console.Out and the printer
// share one stream, so text and documents stay in order; disposing the streams writes any unfinished line.
var redactor = new SecretRedactor();
var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
using var stdout = new RedactingStream(Console.OpenStandardOutput(), redactor);
using var stderr = new RedactingStream(Console.OpenStandardError(), redactor);
Console.SetOut(new StreamWriter(stdout, utf8) { AutoFlush = true });
Console.SetError(new StreamWriter(stderr, utf8) { AutoFlush = true });
var printer = new ResultPrinter(stdout);
try
{
    return await WebexConnectorCommandLine.InvokeAsync(args, redactor, printer).ConfigureAwait(false);
}
#pragma warning disable CA1031 // The top-level handler: no stack trace on stdout, one document, a non-zero exit.
catch (Exception e)
#pragma warning restore CA1031
{
    var message = $"Unexpected error: {WebexConnector.Webex.TextSanitizer.Excerpt(e.Message)}";
    printer.Print(ConnectorRunResult.Invalid(message), OutputFormat.Json);
    return ExitCodes.ActionFailed;
}

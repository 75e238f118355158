using System.Text;
using WebexConnector.Cli;
using WebexConnector.Cli.Output;
using WebexConnector.Results;
using WebexConnector.Security;

// Everything printed passes the redactor: secrets never reach stdout or stderr. Console.Out and the printer
// share one stream, so text and documents stay in order; disposing the streams writes any unfinished line.
var redactor = new SecretRedactor();
redactor.MakeCurrent();
var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
using var stdout = new RedactingStream(Console.OpenStandardOutput(), redactor);
using var stderr = new RedactingStream(Console.OpenStandardError(), redactor);
Console.SetOut(new StreamWriter(stdout, utf8) { AutoFlush = true });
Console.SetError(new StreamWriter(stderr, utf8) { AutoFlush = true });
var printer = new ResultPrinter(stdout);
try
{
    var exitCode = await WebexConnectorCommandLine.InvokeAsync(args, redactor, printer).ConfigureAwait(false);

    // Help and other text written through Console.Out may still hold an unfinished line.
    stdout.FlushAll();
    return exitCode;
}
catch (OutputUnwritableException e)
{
    return OutputFailureReport.Write(e.Result, e);
}
catch (Exception e) when (OutputUnwritableException.IsWriteFailure(e) && !CanWrite(stdout))
{
    return OutputFailureReport.Write(null, new OutputUnwritableException(result: null, e));
}
#pragma warning disable CA1031 // The top-level handler: no stack trace on stdout, one document, a non-zero exit.
catch (Exception e)
#pragma warning restore CA1031
{
    var message = $"Unexpected error: {WebexConnector.Webex.TextSanitizer.Excerpt(e.Message)}";
    try
    {
        printer.Print(ConnectorRunResult.Invalid(message), OutputFormat.Json);
    }
    catch (OutputUnwritableException unwritable)
    {
        return OutputFailureReport.Write(null, unwritable);
    }

    return ExitCodes.ActionFailed;
}

// A write that fails (a full disk, a closed pipe) tells whether it was stdout that broke.
static bool CanWrite(RedactingStream stdout)
{
    try
    {
        stdout.FlushAll();
        return true;
    }
    catch (Exception e) when (OutputUnwritableException.IsWriteFailure(e))
    {
        return false;
    }
}

using WebexConnector.Cli;
using WebexConnector.Results;
using WebexConnector.Security;

// Everything printed passes the redactor: secrets never reach stdout or stderr.
var redactor = new SecretRedactor();
var stdout = new RedactingTextWriter(Console.Out, redactor);
var stderr = new RedactingTextWriter(Console.Error, redactor);
Console.SetOut(stdout);
Console.SetError(stderr);
try
{
    return await WebexConnectorCommandLine.InvokeAsync(args, redactor).ConfigureAwait(false);
}
#pragma warning disable CA1031 // The top-level handler: no stack trace on stdout, one document, a non-zero exit.
catch (Exception e)
#pragma warning restore CA1031
{
    Console.Error.WriteLine($"webex-connector: unexpected {e.GetType().Name}: {WebexConnector.Webex.TextSanitizer.Excerpt(e.Message)}");
    Console.Out.Write(ConnectorRunResultJson.Write(ConnectorRunResult.Invalid($"Unexpected error: {WebexConnector.Webex.TextSanitizer.Excerpt(e.Message)}")));
    return ExitCodes.ActionFailed;
}
finally
{
    stdout.Flush();
    stderr.Flush();
}

using System.Text;
using WebexConnector.Cli.Output;
using WebexConnector.Results;
using WebexConnector.Security;

namespace WebexConnector.Cli;

/// <summary>
/// The CLI from arguments to exit code, for the process (<c>Program.cs</c>) and for a host that runs it in-process.
/// The one top-level error handler: no stack trace on stdout, one document, a non-zero exit.
/// </summary>
internal static class CliApplication
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task<int> RunAsync(string[] args, CliExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var redactor = new SecretRedactor();
        redactor.MakeCurrent();

        // Disposed in reverse order: the writers hand their text to the redacting streams, which then write any unfinished line.
        using var stdout = new RedactingStream(context.StandardOutput, redactor);
        using var stderr = new RedactingStream(context.StandardError, redactor);
        using var outWriter = new StreamWriter(stdout, Utf8, bufferSize: -1, leaveOpen: true) { AutoFlush = true };
        using var errorWriter = new StreamWriter(stderr, Utf8, bufferSize: -1, leaveOpen: true) { AutoFlush = true };
        var console = new CliConsole(context, redactor, stdout, outWriter, errorWriter);
        try
        {
            var exitCode = await WebexConnectorCommandLine.InvokeAsync(args, console, cancellationToken).ConfigureAwait(false);

            // Help and other text written through Out may still hold an unfinished line.
            stdout.FlushAll();
            return exitCode;
        }
        catch (OutputUnwritableException e)
        {
            return OutputFailureReport.Write(errorWriter, e.Result, e);
        }
        catch (Exception e) when (OutputUnwritableException.IsWriteFailure(e) && !CanWrite(stdout))
        {
            return OutputFailureReport.Write(errorWriter, null, new OutputUnwritableException(result: null, e));
        }
#pragma warning disable CA1031 // The top-level handler: whatever went wrong becomes one document and a non-zero exit.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var message = $"Unexpected error: {TextSanitizer.Excerpt(e.Message)}";
            try
            {
                console.Printer.Print(ConnectorRunResult.Invalid(message), OutputFormat.Json);
            }
            catch (OutputUnwritableException unwritable)
            {
                return OutputFailureReport.Write(errorWriter, null, unwritable);
            }

            return ExitCodes.ActionFailed;
        }
    }

    // A write that fails (a full disk, a closed pipe) tells whether it was stdout that broke.
    private static bool CanWrite(RedactingStream stdout)
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
}

using WebexConnector.Results;
using WebexConnector.Security;

namespace WebexConnector.Cli.Output;

/// <summary>
/// Everything a command prints on stdout: the run document as JSON (streamed as UTF-8 to the redacting
/// stdout stream that <see cref="CliConsole.Out"/> also writes to) or as a table for people, and the other
/// documents (catalogue, auth reports).
/// </summary>
internal sealed class ResultPrinter(RedactingStream stdout, TextWriter stderr)
{
    /// <summary>A message printed as one line is cleaned and cut here; the connector's own messages are far shorter.</summary>
    public const int MaxMessageLength = 2000;

    public int Print(ConnectorRunResult result, OutputFormat format)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.InvocationError is { } error)
        {
            stderr.WriteLine($"webex-connector: {TextSanitizer.Excerpt(error, MaxMessageLength)}");
        }

        try
        {
            if (format == OutputFormat.Text)
            {
                stdout.Write(System.Text.Encoding.UTF8.GetBytes(TextResultFormatter.Format(result)));
            }
            else
            {
                ConnectorRunResultJson.Write(stdout, result);
            }

            stdout.FlushAll();
        }
        catch (Exception e) when (OutputUnwritableException.IsWriteFailure(e))
        {
            throw new OutputUnwritableException(result, e);
        }

        return ExitCodes.For(result.Outcome);
    }

    /// <summary>Exit code 2 and a document saying what is wrong with the invocation.</summary>
    public int PrintInvalid(string message, OutputFormat format, string? identifier = null) =>
        Print(ConnectorRunResult.Invalid(message, identifier), format);

    public void PrintDocument(string document)
    {
        try
        {
            stdout.Write(System.Text.Encoding.UTF8.GetBytes(document));
            stdout.FlushAll();
        }
        catch (Exception e) when (OutputUnwritableException.IsWriteFailure(e))
        {
            throw new OutputUnwritableException(result: null, e);
        }
    }
}

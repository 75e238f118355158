using WebexConnector.Results;

namespace WebexConnector.Cli.Output;

/// <summary>
/// Everything a command prints on stdout: the run document as JSON (streamed as UTF-8 to the redacting
/// stdout stream that <see cref="Console.Out"/> also writes to) or as a table for people, and the other
/// documents (catalogue, auth reports).
/// </summary>
internal sealed class ResultPrinter(Stream stdout)
{
    public int Print(ConnectorRunResult result, OutputFormat format)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.InvocationError is { } error)
        {
            Console.Error.WriteLine($"webex-connector: {error}");
        }

        if (format == OutputFormat.Text)
        {
            PrintDocument(TextResultFormatter.Format(result));
        }
        else
        {
            ConnectorRunResultJson.Write(stdout, result);
        }

        return ExitCodes.For(result.Outcome);
    }

    /// <summary>Exit code 2 and a document saying what is wrong with the invocation.</summary>
    public int PrintInvalid(string message, OutputFormat format, string? identifier = null) =>
        Print(ConnectorRunResult.Invalid(message, identifier), format);

    public void PrintDocument(string document)
    {
        stdout.Write(System.Text.Encoding.UTF8.GetBytes(document));
        stdout.Flush();
    }
}

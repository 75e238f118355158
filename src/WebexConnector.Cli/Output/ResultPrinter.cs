using WebexConnector.Results;

namespace WebexConnector.Cli.Output;

/// <summary>Prints a run's document to stdout as JSON (the contract) or as a table for people.</summary>
internal static class ResultPrinter
{
    public static int Print(ConnectorRunResult result, OutputFormat format)
    {
        if (result.InvocationError is { } error)
        {
            Console.Error.WriteLine($"webex-connector: {error}");
        }

        Console.Out.Write(format == OutputFormat.Text ? TextResultFormatter.Format(result) : ConnectorRunResultJson.Write(result));
        Console.Out.Flush();
        return ExitCodes.For(result.Outcome);
    }
}

using System.Globalization;
using WebexConnector.Actions;
using WebexConnector.Results;
using WebexConnector.Security;
using WebexConnector.Webex;

namespace WebexConnector.Cli.Output;

/// <summary>
/// The one stderr line when stdout refused the result: what failed and, for an action that changes Webex, that it
/// ran before the output failed, so the operator checks before running it again.
/// </summary>
internal static class OutputFailureReport
{
    public static int Write(TextWriter stderr, ConnectorRunResult? result, Exception cause)
    {
        var line = $"webex-connector: could not write the result to standard output ({TextSanitizer.Excerpt(cause.Message, 120).TrimEnd('.')}); exit code {ExitCodes.OutputFailed}.";
        if (result is { InvocationError: null, Results.Count: > 0 } && ActionCatalog.Find(result.Identifier ?? "") is { ReadOnly: false } action)
        {
            line += string.Create(
                CultureInfo.InvariantCulture,
                $" The action '{action.Identifier}' ran before that ({result.SuccessfulCount} of {result.Results.Count} succeeded). {action.UncertainOutcomeNote}");
        }

        try
        {
            stderr.WriteLine(line);
        }
        catch (Exception e) when (OutputUnwritableException.IsWriteFailure(e))
        {
            // stderr is gone too: the exit code is all that is left to say it.
        }

        return ExitCodes.OutputFailed;
    }
}

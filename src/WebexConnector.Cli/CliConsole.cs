using WebexConnector.Cli.Output;
using WebexConnector.Security;

namespace WebexConnector.Cli;

/// <summary>
/// One invocation's view of its streams: everything written to stdout and stderr passes <see cref="Redactor"/>, so
/// secrets never reach either. <see cref="Out"/> and <see cref="Printer"/> share one stream, so text and documents
/// stay in order.
/// </summary>
internal sealed class CliConsole(CliExecutionContext context, SecretRedactor redactor, RedactingStream output, TextWriter @out, TextWriter error)
{
    public CliExecutionContext Context { get; } = context;

    public SecretRedactor Redactor { get; } = redactor;

    /// <summary>stdout as a stream, for documents.</summary>
    public RedactingStream Output { get; } = output;

    /// <summary>stdout as text, for help.</summary>
    public TextWriter Out { get; } = @out;

    /// <summary>stderr: diagnostics, prompts and progress; never a document.</summary>
    public TextWriter Error { get; } = error;

    public ResultPrinter Printer { get; } = new(output, error);
}

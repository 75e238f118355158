namespace WebexConnector.Cli.Output;

/// <summary><c>--output json|text</c>.</summary>
internal enum OutputFormat
{
    Json,
    Text,
}

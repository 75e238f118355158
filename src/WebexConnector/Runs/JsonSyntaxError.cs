using System.Globalization;
using System.Text.Json;

namespace WebexConnector.Runs;

/// <summary>
/// Says where a JSON document is broken in plain words: System.Text.Json's own messages speak of its internals
/// ("while isFinalBlock is true", "BytePositionInLine").
/// </summary>
internal static class JsonSyntaxError
{
    /// <summary>e.g. <c>it is empty</c>, <c>it is nested deeper than the maximum depth of 64 levels</c>, <c>it breaks off or has a stray character at line 3, column 17</c>.</summary>
    public static string Describe(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = exception.Message;
        if (text.Contains("does not contain any JSON tokens", StringComparison.Ordinal))
        {
            return "it is empty";
        }

        if (text.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return "it is nested deeper than the maximum depth of 64 levels";
        }

        return exception.LineNumber is { } line && exception.BytePositionInLine is { } column
            ? string.Create(CultureInfo.InvariantCulture, $"it breaks off or has an unexpected character at line {line + 1}, column {column + 1}")
            : "it is not well-formed";
    }
}

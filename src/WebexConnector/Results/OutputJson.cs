using System.Text.Encodings.Web;
using System.Text.Json;

namespace WebexConnector.Results;

/// <summary>How every document on stdout is written: indented, and without escaping what JSON does not require (Webex markdown has &lt; and &gt;).</summary>
internal static class OutputJson
{
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Past this many buffered bytes a writer hands them to its stream, so a large document is never held whole.</summary>
    public const int FlushThreshold = 64 * 1024;

    /// <summary>Writes one document with <paramref name="write"/> to <paramref name="output"/>, ending with a newline.</summary>
    public static void Write(Stream output, Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(write);
        using (var writer = new Utf8JsonWriter(output, WriterOptions))
        {
            write(writer);
        }

        output.Write("\n"u8);
        output.Flush();
    }

    /// <summary>Writes one document with <paramref name="write"/> and returns it as text, ending with a newline.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        Write(buffer, write);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

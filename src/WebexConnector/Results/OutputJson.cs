using System.Text.Encodings.Web;
using System.Text.Json;

namespace WebexConnector.Results;

/// <summary>How every document on stdout is written: indented, and without escaping what JSON does not require (Webex markdown has &lt; and &gt;).</summary>
public static class OutputJson
{
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes one document with <paramref name="write"/> and returns it as text, ending with a newline.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + Environment.NewLine;
    }
}

using System.Text.Unicode;

namespace WebexConnector.Runs;

/// <summary>Checks JSON input bytes before parsing: a UTF-8 byte order mark is dropped, invalid UTF-8 is refused.</summary>
internal static class Utf8Input
{
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>Returns the bytes without a BOM, or throws <see cref="ConnectorInvocationException"/> naming <paramref name="what"/>.</summary>
    public static ReadOnlyMemory<byte> Check(ReadOnlyMemory<byte> bytes, string what)
    {
        if (bytes.Span.StartsWith(ByteOrderMark))
        {
            bytes = bytes[ByteOrderMark.Length..];
        }

        // JsonDocument validates structure, not the UTF-8 inside strings; that would only fail later, mid-action.
        return Utf8.IsValid(bytes.Span)
            ? bytes
            : throw new ConnectorInvocationException($"The {what} is not valid UTF-8 text.");
    }
}

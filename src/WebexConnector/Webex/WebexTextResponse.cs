using System.Text;

namespace WebexConnector.Webex;

/// <summary>
/// Reads a Webex answer that is text, not JSON (a transcript download), keeping at most a given number of UTF-8
/// bytes: the text goes into an action result, which a playbook platform stores whole.
/// </summary>
internal static class WebexTextResponse
{
    /// <summary>The text kept (cut at a character boundary), and how many bytes the whole answer had.</summary>
    internal readonly record struct BoundedText(string Text, long TotalBytes, bool Truncated);

    /// <summary>Reads a successful answer's text, or throws <see cref="WebexApiException"/> with Webex's error.</summary>
    /// <param name="response">The answer; already bounded in size by the pipeline (<c>ResponseBufferingHandler</c>).</param>
    /// <param name="maxBytes">At most this many UTF-8 bytes of text are kept; the rest is counted and dropped.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async Task<BoundedText> ReadAsync(HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        await WebexResponses.EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);

        var kept = new byte[maxBytes];
        var keptCount = 0;
        long total = 0;
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                var take = Math.Min(read, maxBytes - keptCount);
                chunk.AsSpan(0, take).CopyTo(kept.AsSpan(keptCount));
                keptCount += take;
                total += read;
            }
        }

        var truncated = total > keptCount;
        var end = truncated ? CharacterBoundary(kept, keptCount) : keptCount;
        var text = Encoding.UTF8.GetString(kept, 0, end);

        // A byte order mark is an encoding detail, not part of the transcript.
        return new BoundedText(text.StartsWith('\uFEFF') ? text[1..] : text, total, truncated);
    }

    // Steps back over the continuation bytes (10xxxxxx) of a character the cut would split, and its lead byte.
    private static int CharacterBoundary(byte[] bytes, int end)
    {
        var start = end;
        while (start > 0 && (bytes[start - 1] & 0xC0) == 0x80)
        {
            start--;
        }

        if (start == 0)
        {
            return end;
        }

        var lead = bytes[start - 1];
        var length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return start - 1 + length <= end ? end : start - 1;
    }
}

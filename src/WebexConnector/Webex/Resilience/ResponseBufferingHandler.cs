using System.Globalization;

namespace WebexConnector.Webex.Resilience;

/// <summary>
/// Reads each response body inside its attempt, so <c>timeout_seconds</c> bounds the whole answer (not only its
/// headers) and a body cut short is a failed attempt that the retry rules can see. One page is at most about a
/// megabyte; the bound only stops a hostile or broken server from filling memory.
/// </summary>
internal sealed class ResponseBufferingHandler : DelegatingHandler
{
    internal const long MaxBodyBytes = 64L * 1024 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            response.Content = await ReadBoundedAsync(response, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    // Counts the bytes itself (HttpClient's own bound only says "Cannot write more bytes to the buffer").
    private static async Task<HttpContent> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var original = response.Content;
        if (original.Headers.ContentLength > MaxBodyBytes)
        {
            throw TooLarge(response);
        }

        var body = new MemoryStream(original.Headers.ContentLength is { } length ? (int)length : 0);
        var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > MaxBodyBytes)
                {
                    throw TooLarge(response);
                }

                body.Write(chunk, 0, read);
            }
        }

        var buffered = new ByteArrayContent(body.GetBuffer(), 0, (int)body.Length);
        foreach (var (name, values) in original.Headers)
        {
            buffered.Headers.TryAddWithoutValidation(name, values);
        }

        original.Dispose();
        return buffered;
    }

    // Not retried: the same request would bring the same answer.
    private static WebexApiException TooLarge(HttpResponseMessage response) => new(
        response.StatusCode,
        string.Create(CultureInfo.InvariantCulture, $"Webex's answer is larger than {MaxBodyBytes / (1024 * 1024)} MiB; it was not read."),
        response.Headers.TryGetValues("Trackingid", out var ids) ? ids.FirstOrDefault() : null);
}

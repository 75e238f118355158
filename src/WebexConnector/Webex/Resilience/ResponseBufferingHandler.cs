namespace WebexConnector.Webex.Resilience;

/// <summary>
/// Reads each response body inside its attempt, so <c>timeout_seconds</c> bounds the whole answer (not only its
/// headers) and a body cut short is a failed attempt that the retry rules can see. One page is at most about a
/// megabyte; the bound only stops a hostile or broken server from filling memory.
/// </summary>
internal sealed class ResponseBufferingHandler : DelegatingHandler
{
    private const long MaxBodyBytes = 64L * 1024 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await response.Content.LoadIntoBufferAsync(MaxBodyBytes, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}

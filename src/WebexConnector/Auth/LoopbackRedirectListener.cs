using System.Collections.Specialized;
using System.Net;
using System.Text;
using System.Web;

namespace WebexConnector.Auth;

/// <summary>
/// Listens on the loopback <c>redirect_uri</c> for the browser coming back from Webex. Only a request on the
/// redirect path with the expected <c>state</c> is accepted; anything else is answered (400/404) and the wait
/// goes on, bounded by the caller's cancellation and a request count.
/// </summary>
public sealed class LoopbackRedirectListener : IDisposable
{
    public const string SuccessPage = "Code received. Please close this window, the action will continue to get new token.";

    // A browser makes a handful of requests (favicon, retries); a flood is not an authorization.
    private const int MaxRequests = 1000;

    private readonly HttpListener _listener = new();
    private readonly Uri _redirectUri;

    public LoopbackRedirectListener(Uri redirectUri)
    {
        ArgumentNullException.ThrowIfNull(redirectUri);
        _redirectUri = redirectUri;
        _listener.Prefixes.Add($"{redirectUri.Scheme}://{redirectUri.Authority}/");
        try
        {
            _listener.Start();
        }
        catch (HttpListenerException e)
        {
            throw new AuthorizationFailedException(
                $"Cannot listen on redirect_uri {redirectUri.GetLeftPart(UriPartial.Authority)} for the browser ({e.Message}); is another process using that port?", e);
        }
    }

    /// <summary>Waits for the authorization code whose <c>state</c> is <paramref name="expectedState"/>.</summary>
    public async Task<string> WaitForCodeAsync(string expectedState, CancellationToken cancellationToken)
    {
        using var stop = cancellationToken.Register(_listener.Stop);
        for (var handled = 0; handled < MaxRequests; handled++)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException && cancellationToken.IsCancellationRequested)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw;
            }

            var code = await HandleAsync(context, expectedState).ConfigureAwait(false);
            if (code is not null)
            {
                return code;
            }
        }

        throw new AuthorizationFailedException($"Gave up after {MaxRequests} requests to the redirect_uri without a valid authorization code.");
    }

    public void Dispose() => ((IDisposable)_listener).Dispose();

    private async Task<string?> HandleAsync(HttpListenerContext context, string expectedState)
    {
        var request = context.Request;
        if (!string.Equals(request.Url?.AbsolutePath.TrimEnd('/'), _redirectUri.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal))
        {
            await RespondAsync(context, HttpStatusCode.NotFound, "Not found.").ConfigureAwait(false);
            return null;
        }

        NameValueCollection query = HttpUtility.ParseQueryString(request.Url!.Query);
        if (!string.Equals(query["state"], expectedState, StringComparison.Ordinal))
        {
            // Not the answer to our request (or a forged one): refuse it and keep waiting.
            await RespondAsync(context, HttpStatusCode.BadRequest, "The state parameter does not match this authorization request.").ConfigureAwait(false);
            return null;
        }

        if (query["error"] is { Length: > 0 } error)
        {
            var description = query["error_description"];
            await RespondAsync(context, HttpStatusCode.OK, "Authorization failed. You can close this window.").ConfigureAwait(false);
            throw new AuthorizationFailedException(
                $"Authorization was refused in the browser: {Webex.TextSanitizer.Excerpt(error, 80)}{(description is { Length: > 0 } ? $" ({Webex.TextSanitizer.Excerpt(description, 160)})" : string.Empty)}.");
        }

        if (query["code"] is not { Length: > 0 } code)
        {
            await RespondAsync(context, HttpStatusCode.BadRequest, "No authorization code in this request.").ConfigureAwait(false);
            return null;
        }

        await RespondAsync(context, HttpStatusCode.OK, SuccessPage).ConfigureAwait(false);
        return code;
    }

    private static async Task RespondAsync(HttpListenerContext context, HttpStatusCode status, string text)
    {
        var body = Encoding.UTF8.GetBytes(text);
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.ContentLength64 = body.Length;
        await context.Response.OutputStream.WriteAsync(body).ConfigureAwait(false);
        context.Response.Close();
    }
}

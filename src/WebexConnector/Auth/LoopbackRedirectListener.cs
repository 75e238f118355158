using System.Collections.Specialized;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Web;
using WebexConnector.Security;

namespace WebexConnector.Auth;

/// <summary>
/// Listens on the loopback <c>redirect_uri</c> (bound to that address only: 127.0.0.0/8, <c>::1</c>, or
/// 127.0.0.1 for <c>localhost</c>) for the browser coming back from Webex. Only a GET on the redirect path with
/// the expected <c>state</c> is accepted; anything else is answered (400/404/405) and the wait goes on, bounded
/// by the caller's cancellation and a request count. A plain HTTP/1.1 exchange is all a browser redirect needs.
/// </summary>
internal sealed class LoopbackRedirectListener : IDisposable
{
    public const string SuccessPage = "Code received. Please close this window, the action will continue to get new token.";

    // A browser makes a handful of requests (favicon, retries); a flood is not an authorization.
    private const int MaxRequests = 1000;
    private const int MaxRequestHeadBytes = 16 * 1024;
    private static readonly TimeSpan PerRequestTimeout = TimeSpan.FromSeconds(10);

    private readonly TcpListener _listener;
    private readonly Uri _redirectUri;

    public LoopbackRedirectListener(Uri redirectUri)
    {
        ArgumentNullException.ThrowIfNull(redirectUri);
        _redirectUri = redirectUri;
        var address = IPAddress.TryParse(redirectUri.DnsSafeHost, out var literal) ? literal : IPAddress.Loopback;
        if (!IPAddress.IsLoopback(address))
        {
            throw new AuthorizationFailedException($"redirect_uri {redirectUri.GetLeftPart(UriPartial.Authority)} is not a loopback address.");
        }

        _listener = new TcpListener(address, redirectUri.Port);
        try
        {
            _listener.Start();
        }
        catch (SocketException e)
        {
            throw new AuthorizationFailedException(
                $"Cannot listen on redirect_uri {redirectUri.GetLeftPart(UriPartial.Authority)} for the browser: {TextSanitizer.Excerpt(e.Message).TrimEnd('.')}.", e);
        }
    }

    /// <summary>Waits for the authorization code whose <c>state</c> is <paramref name="expectedState"/>.</summary>
    public async Task<string> WaitForCodeAsync(string expectedState, CancellationToken cancellationToken)
    {
        for (var handled = 0; handled < MaxRequests; handled++)
        {
            using var client = await _listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(PerRequestTimeout);
            try
            {
                var code = await HandleAsync(client.GetStream(), expectedState, timeout.Token).ConfigureAwait(false);
                if (code is not null)
                {
                    return code;
                }
            }
            catch (Exception e) when (e is IOException or SocketException
                || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // One broken or stalled connection is not the end of the wait.
            }
        }

        throw new AuthorizationFailedException($"Gave up after {MaxRequests} requests to the redirect_uri without a valid authorization code.");
    }

    public void Dispose() => _listener.Dispose();

    private async Task<string?> HandleAsync(NetworkStream stream, string expectedState, CancellationToken cancellationToken)
    {
        var requestLine = await ReadRequestLineAsync(stream, cancellationToken).ConfigureAwait(false);
        var parts = requestLine?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts is not { Length: 3 })
        {
            await RespondAsync(stream, HttpStatusCode.BadRequest, "Bad request.", cancellationToken).ConfigureAwait(false);
            return null;
        }

        if (parts[0] != "GET")
        {
            await RespondAsync(stream, HttpStatusCode.MethodNotAllowed, "Only GET is expected here.", cancellationToken).ConfigureAwait(false);
            return null;
        }

        var target = parts[1];
        var queryStart = target.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? target : target[..queryStart];
        if (!string.Equals(path.TrimEnd('/'), _redirectUri.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal))
        {
            await RespondAsync(stream, HttpStatusCode.NotFound, "Not found.", cancellationToken).ConfigureAwait(false);
            return null;
        }

        NameValueCollection query = HttpUtility.ParseQueryString(queryStart < 0 ? string.Empty : target[queryStart..]);
        if (!string.Equals(query["state"], expectedState, StringComparison.Ordinal))
        {
            // Not the answer to our request (or a forged one): refuse it and keep waiting.
            await RespondAsync(stream, HttpStatusCode.BadRequest, "The state parameter does not match this authorization request.", cancellationToken).ConfigureAwait(false);
            return null;
        }

        if (query["error"] is { Length: > 0 } error)
        {
            var description = query["error_description"];
            await RespondAsync(stream, HttpStatusCode.OK, "Authorization failed. You can close this window.", cancellationToken).ConfigureAwait(false);
            throw new AuthorizationFailedException(
                $"Authorization was refused in the browser: {TextSanitizer.Excerpt(error, 80)}{(description is { Length: > 0 } ? $" ({TextSanitizer.Excerpt(description, 160)})" : string.Empty)}.");
        }

        if (query["code"] is not { Length: > 0 } code)
        {
            await RespondAsync(stream, HttpStatusCode.BadRequest, "No authorization code in this request.", cancellationToken).ConfigureAwait(false);
            return null;
        }

        await RespondAsync(stream, HttpStatusCode.OK, SuccessPage, cancellationToken).ConfigureAwait(false);
        return code;
    }

    /// <summary>Reads the request head (bounded) and returns its first line, or <c>null</c> when there is none.</summary>
    private static async Task<string?> ReadRequestLineAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxRequestHeadBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
            if (buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8) >= 0)
            {
                break;
            }
        }

        var head = Encoding.ASCII.GetString(buffer, 0, length);
        var end = head.IndexOf("\r\n", StringComparison.Ordinal);
        return end < 0 ? null : head[..end];
    }

    // The standard reason phrases, not the enum's names ("BadRequest").
    private static string ReasonPhrase(HttpStatusCode status) => status switch
    {
        HttpStatusCode.OK => "OK",
        HttpStatusCode.BadRequest => "Bad Request",
        HttpStatusCode.NotFound => "Not Found",
        HttpStatusCode.MethodNotAllowed => "Method Not Allowed",
        _ => "Error",
    };

    private static async Task RespondAsync(NetworkStream stream, HttpStatusCode status, string text, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(text);
        var head = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 {(int)status} {ReasonPhrase(status)}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(head, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}

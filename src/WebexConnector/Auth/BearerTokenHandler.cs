using System.Net;
using System.Net.Http.Headers;

namespace WebexConnector.Auth;

/// <summary>
/// Adds <c>Authorization: Bearer</c> to every Webex request. After a 401 it asks the token source for a new
/// token once and repeats the request: Webex refused it, so nothing was done and even a POST is safe to repeat.
/// </summary>
internal sealed class BearerTokenHandler(IAccessTokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var response = await SendWithTokenAsync(request, token, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        var renewed = await tokens.RenewAfterUnauthorizedAsync(token, cancellationToken).ConfigureAwait(false);
        if (renewed is null)
        {
            return response;
        }

        response.Dispose();
        using var retry = Clone(request, body);
        return await SendWithTokenAsync(retry, renewed, cancellationToken).ConfigureAwait(false);
    }

    private Task<HttpResponseMessage> SendWithTokenAsync(HttpRequestMessage request, string token, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return base.SendAsync(request, cancellationToken);
    }

    private static HttpRequestMessage Clone(HttpRequestMessage request, byte[]? body)
    {
        var clone = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version };
        foreach (var header in request.Headers)
        {
            clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (body is not null)
        {
            clone.Content = new ByteArrayContent(body);
            foreach (var header in request.Content!.Headers)
            {
                clone.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return clone;
    }
}

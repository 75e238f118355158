using Refit;

namespace WebexConnector.Webex;

/// <summary>Webex's OAuth token endpoint, <c>POST /access_token</c> (form-encoded). Called without a bearer token.</summary>
public interface IOAuthApi
{
    [Post("/access_token")]
    Task<HttpResponseMessage> RequestTokenAsync(
        [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form,
        CancellationToken cancellationToken);
}

using Refit;

namespace WebexConnector.Webex;

/// <summary>
/// Webex's OAuth endpoints (form-encoded, called without a bearer token): the token endpoint <c>POST /access_token</c>
/// and the device grant's <c>POST /device/authorize</c> and <c>POST /device/token</c>.
/// </summary>
internal interface IOAuthApi
{
    [Post("/access_token")]
    Task<HttpResponseMessage> RequestTokenAsync(
        [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form,
        CancellationToken cancellationToken);

    [Post("/device/authorize")]
    Task<HttpResponseMessage> RequestDeviceCodeAsync(
        [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form,
        CancellationToken cancellationToken);

    /// <param name="authorization">The whole <c>Authorization</c> header value, <c>Basic base64(client_id:client_secret)</c>.</param>
    [Post("/device/token")]
    Task<HttpResponseMessage> RequestDeviceTokenAsync(
        [Header("Authorization")] string authorization,
        [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form,
        CancellationToken cancellationToken);
}

using System.Net;
using System.Text;
using System.Text.Json;
using WebexConnector.Configuration;
using WebexConnector.Security;
using WebexConnector.Webex;

namespace WebexConnector.Auth;

/// <summary>
/// The two calls of Webex's OAuth device grant: <c>POST /device/authorize</c> starts it, <c>POST /device/token</c>
/// (HTTP Basic <c>client_id:client_secret</c>) is polled for the pair. Webex's "not yet" answer is not in its public
/// spec, so a 400 or 428 that names <c>authorization_pending</c> or <c>slow_down</c> anywhere in its error fields
/// counts; every other failure is Webex's own message (<see cref="WebexResponses"/>).
/// </summary>
internal sealed class DeviceGrantClient(IOAuthApi api, OAuthTokenClient tokens, AssetConfig config, SecretRedactor redactor)
{
    public const string GrantType = "urn:ietf:params:oauth:grant-type:device_code";

    /// <summary>The poll interval when Webex sends none (RFC 8628 section 3.2).</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);

    // The RFC 8628 error codes the poll understands, in the order they are looked for.
    private static readonly (string Code, DeviceTokenPollOutcome Outcome)[] KnownErrors =
    [
        ("authorization_pending", DeviceTokenPollOutcome.Pending),
        ("slow_down", DeviceTokenPollOutcome.SlowDown),
        ("access_denied", DeviceTokenPollOutcome.Denied),
        ("expired_token", DeviceTokenPollOutcome.Expired),
    ];

    public async Task<DeviceAuthorization> StartAsync(CancellationToken cancellationToken)
    {
        using var response = await api.RequestDeviceCodeAsync(
            new() { ["client_id"] = config.ClientId!, ["scope"] = config.Scope }, cancellationToken).ConfigureAwait(false);
        var answer = await WebexResponses.ReadAsync(response, AuthJsonContext.Default.DeviceCodeResponse, cancellationToken).ConfigureAwait(false);

        // Registered before anything else is done with the answer, so that no message can show it.
        redactor.Add(answer?.DeviceCode);
        if (answer is not { DeviceCode.Length: > 0, UserCode.Length: > 0 }
            || WebUrl(answer.VerificationUri) is not { } verificationUri)
        {
            throw new WebexApiException(
                response.StatusCode, "The device authorization endpoint answered without a device_code, user_code and http(s) verification_uri.", null);
        }

        return new DeviceAuthorization
        {
            DeviceCode = answer.DeviceCode,
            UserCode = TextSanitizer.Excerpt(answer.UserCode, 64),
            VerificationUri = verificationUri,
            VerificationUriComplete = WebUrl(answer.VerificationUriComplete),
            ExpiresIn = answer.ExpiresIn is > 0 and var expiresIn ? TimeSpan.FromSeconds(expiresIn) : null,
            Interval = answer.Interval is > 0 and var interval ? TimeSpan.FromSeconds(interval) : DefaultInterval,
        };
    }

    public async Task<DeviceTokenPoll> PollAsync(DeviceAuthorization device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = GrantType,
            ["device_code"] = device.DeviceCode,

            // Not in RFC 8628 with client authentication, but Webex's reference lists it as required.
            ["client_id"] = config.ClientId!,
        };
        using var response = await api.RequestDeviceTokenAsync(BasicCredentials(), form, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return new DeviceTokenPoll(
                DeviceTokenPollOutcome.Authorized, await tokens.ReadPairAsync(response, previous: null, cancellationToken).ConfigureAwait(false));
        }

        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.PreconditionRequired
            && await NamedErrorAsync(response, cancellationToken).ConfigureAwait(false) is { } outcome)
        {
            return new DeviceTokenPoll(outcome);
        }

        await WebexResponses.EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        throw new WebexApiException(response.StatusCode, "The device token endpoint answered with an unexpected status.", null);
    }

    private string BasicCredentials()
    {
        var value = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{config.ClientId}:{config.ClientSecret}"));

        // It carries the client secret, merely encoded.
        redactor.Add(value[6..]);
        return value;
    }

    // Where Webex puts the code is not documented: error, error_description, message or errors[].description.
    private static async Task<DeviceTokenPollOutcome?> NamedErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Buffered, so that WebexResponses can still read the body for the failure message.
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        WebexErrorBody? error;
        try
        {
            error = body.TrimStart().StartsWith('{') ? JsonSerializer.Deserialize(body, WebexJsonContext.Default.WebexErrorBody) : null;
        }
        catch (JsonException)
        {
            return null;
        }

        if (error is null)
        {
            return null;
        }

        string?[] texts = [error.Error, error.ErrorDescription, error.Message, .. error.Errors?.Select(e => e.Description) ?? []];
        foreach (var (code, outcome) in KnownErrors)
        {
            if (texts.Any(text => text?.Contains(code, StringComparison.OrdinalIgnoreCase) == true))
            {
                return outcome;
            }
        }

        return null;
    }

    // The URLs are printed for a person to open: only an absolute http(s) URL, printed in its escaped form.
    private static Uri? WebUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : null;
}

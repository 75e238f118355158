using WebexConnector.Configuration;
using WebexConnector.Runs;
using WebexConnector.Security;

namespace WebexConnector.Auth;

/// <summary>
/// The OAuth authorization-code flow with <c>state</c> and PKCE (S256): prints the authorize URL to stderr,
/// waits on the loopback redirect for the code (at most <c>auth_timeout_seconds</c>), exchanges it and stores the pair.
/// </summary>
internal sealed class BrowserAuthorizationFlow(
    AssetConfig config, OAuthTokenSource tokens, OAuthTokenClient client, TimeProvider time, SecretRedactor redactor, AuthorizationPrompt prompt)
    : IConnectivityAuthorizer
{
    public bool CanAuthorize => true;

    public Task EnsureAuthorizedAsync(CancellationToken cancellationToken) =>
        ConnectivityAuthorization.EnsureAsync(tokens, prompt, AuthorizeAsync, cancellationToken);

    public async Task AuthorizeAsync(CancellationToken cancellationToken)
    {
        tokens.EnsureStoreUsable();
        var pkce = Pkce.Create();
        redactor.Add(pkce.CodeVerifier);
        string code;
        using (var listener = new LoopbackRedirectListener(config.RedirectUri))
        using (var timeout = new CancellationTokenSource(config.AuthTimeout, time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
        {
            prompt.Show(AuthorizationUrl.Build(config.BaseUrl, config.ClientId!, config.RedirectUri, config.Scope, pkce));
            try
            {
                using (ActionDeadline.WaitForPerson())
                {
                    code = await listener.WaitForCodeAsync(pkce.State, linked.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new AuthorizationFailedException(
                    $"No authorization arrived from the browser within {config.AuthTimeout.TotalSeconds:0.###} s (auth_timeout_seconds).");
            }
        }

        redactor.Add(code);
        var pair = await client.ExchangeCodeAsync(code, pkce.CodeVerifier, cancellationToken).ConfigureAwait(false);
        await tokens.StoreAsync(pair, cancellationToken).ConfigureAwait(false);
    }
}

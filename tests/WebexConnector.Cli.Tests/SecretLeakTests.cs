using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>
/// One run through a representative scenario of every kind (OAuth browser flow, refresh, failed refresh, Webex
/// errors and proxy pages, retries, bad input, auth status) with known secret values, some of which the fake
/// server even echoes back in its error texts: none may appear on stdout or stderr.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class SecretLeakTests : OAuthTestBase
{
    private const string RoomId = "Y2lzY29zcGFyazovL3VzL1JPT00vc2VjcmV0LXJvb20";

    [Test]
    public async Task AllScenarios_KnownSecrets_NeverPrinted()
    {
        Tokens.EchoSecretsInErrors = true;
        var outputs = new List<CliResult>();

        // OAuth: the browser flow (authorization code, PKCE verifier, access and refresh tokens).
        var oauthAsset = WriteAsset(OAuthAsset(), "oauth-asset.json");
        await using (var process = Cli.Start(["test-connectivity", "--asset", oauthAsset]))
        {
            var request = await ReadAuthorizeUrlAsync(process);

            // A forged redirect first, with a code the connector must not print either.
            var forgedCode = Tokens.IssueCode(request.CodeChallenge, request.RedirectUri);
            await BrowserRedirectAsync(("code", forgedCode), ("state", "forged"));
            await ConsentAsync(request);
            var authorized = await process.WaitForExitAsync();
            AssertSucceeded(authorized);
            outputs.Add(authorized);
        }

        var verifierForm = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Server.RequestsTo("POST", FakeTokenEndpoint.TokenPath)[0].Body);
        Cli.RegisterSecret(verifierForm["code_verifier"].ToString());

        // OAuth: refresh after a 401, then an action with the refreshed token.
        Server.RevokeToken(Tokens.Latest.AccessToken);
        Server.AddRooms(2);
        outputs.Add(await Cli.RunAsync("list-rooms", "--asset", oauthAsset, "--output", "text"));
        AssertExitCode(outputs[^1], 0);

        // OAuth: the current access token inside a parameter, which is echoed back.
        outputs.Add(await Cli.RunAsync("send-message", "--asset", oauthAsset, "--endpoint-id", RoomId, "--destination-type", "room", "--message", "my token is " + Tokens.Latest.AccessToken));
        AssertSucceeded(outputs[^1]);

        // OAuth: a refresh the token endpoint rejects, echoing the refresh token in its error text.
        Server.RevokeToken(Tokens.Latest.AccessToken);
        Tokens.InvalidateRefreshTokens();
        var refused = await Cli.RunAsync("list-rooms", "--asset", oauthAsset);
        AssertActionFailed(refused);
        outputs.Add(refused);

        // auth status of the OAuth asset.
        outputs.Add(await Cli.RunAsync("auth", "status", "--asset", oauthAsset));

        // PAT: a Webex error that echoes the token, a proxy page that echoes it, a retried 429, a timeout.
        var patAsset = WriteAsset(PatConfig(), "pat-asset.json");
        Server.EnqueueWebexError("/v1/people/me", 401, $"The token {Pat} is not valid.", "ROUTER_LEAK_1");
        outputs.Add(await Cli.RunAsync("test-connectivity", "--asset", patAsset));
        Server.Enqueue("/v1/messages", status: 502, body: $"<html><body>upstream said: Authorization: Bearer {Pat}\r\n</body></html>", contentType: "text/html", method: "POST");
        outputs.Add(await Cli.RunAsync("send-message", "--asset", patAsset, "--endpoint-id", RoomId, "--destination-type", "room", "--message", "hello"));
        Server.EnqueueWebexError("/v1/rooms", 429, $"Slow down, {Pat}.", "ROUTER_LEAK_2", new Dictionary<string, string> { ["Retry-After"] = "1" }, method: "GET");
        outputs.Add(await Cli.RunAsync("list-rooms", "--asset", patAsset));

        // Bad input: secrets inside parameters (echoed back), in config values that fail validation, in the command line.
        outputs.Add(await Cli.RunAsync("get-user", "--asset", patAsset, "--email-address", Pat + "\u0001@example.com"));
        outputs.Add(await Cli.RunAsync("send-message", "--asset", patAsset, "--endpoint-id", Pat, "--destination-type", "email", "--message", "token " + Pat));
        var badBaseUrl = PatConfig();
        badBaseUrl["base_url"] = $"http://example.com/{Pat}";
        outputs.Add(await Cli.RunAsync("list-rooms", "--asset", WriteAsset(badBaseUrl, "bad-base-url.json")));
        var badTimeout = OAuthAsset();
        badTimeout["timeout_seconds"] = ClientSecret;
        outputs.Add(await Cli.RunAsync("list-rooms", "--asset", WriteAsset(badTimeout, "bad-timeout.json")));
        var run = RunDocument("get_user", new JsonObject { ["email_address"] = new JsonObject { ["nested"] = Pat } });
        outputs.Add(await RunDocumentAsync(run));

        // Every secret kind was in play, and none was printed (the runner checked each run; this re-checks them all).
        var secrets = Cli.Secrets;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(secrets, Does.Contain(Pat));
            Assert.That(secrets, Does.Contain(ClientSecret));
            Assert.That(secrets.Count(s => s.StartsWith("AUTHCODE-", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(2), "authorization codes");
            Assert.That(secrets.Count(s => s.StartsWith("OAUTH-ACCESS-", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(2), "access tokens");
            Assert.That(secrets.Count(s => s.StartsWith("OAUTH-REFRESH-", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(2), "refresh tokens");
            Assert.That(Tokens.RefreshCalls, Is.GreaterThanOrEqualTo(2), "a refresh that worked and one that was refused");
        }

        foreach (var output in outputs)
        {
            foreach (var secret in secrets)
            {
                Assert.That(
                    output.Stdout.Contains(secret, StringComparison.Ordinal) || output.Stderr.Contains(secret, StringComparison.Ordinal),
                    Is.False,
                    () => $"a secret ({secret[..Math.Min(6, secret.Length)]}...) was printed by: {string.Join(' ', output.Arguments.Select(a => a.Length > 40 ? a[..40] : a))}");
            }
        }
    }
}

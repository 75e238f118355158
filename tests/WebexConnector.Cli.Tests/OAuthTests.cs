using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WebexConnector.Cli.Tests;

/// <summary>
/// OAuth end-to-end (README "OAuth"): the test plays the browser against the real CLI process and the
/// fake server plays Webex's token endpoint.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class OAuthTests : OAuthTestBase
{
    private const int FourteenDays = 1_209_600;

    // ------------------------------------------------------------------ the browser flow

    [Test]
    public async Task TestConnectivity_BrowserConsents_ExchangesCodeWithVerifierStoresPairAndPasses()
    {
        var stateDir = Path.Combine(Cli.StateDir, "created-by-connector");
        var asset = WriteAsset(OAuthAsset());
        var started = DateTimeOffset.UtcNow;

        await using var process = Cli.Start(["test-connectivity", "--asset", asset, "--state-dir", stateDir]);
        var request = await ReadAuthorizeUrlAsync(process);
        var (browser, code) = await ConsentAsync(request);
        var result = await process.WaitForExitAsync();

        // The authorize URL: client_id, response_type, redirect_uri, scope, state and the PKCE challenge.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(request.Url.GetLeftPart(UriPartial.Path), Is.EqualTo(Server.BaseUrl + "/authorize"));
            Assert.That(request.Value("client_id"), Is.EqualTo(ClientId));
            Assert.That(request.Value("response_type"), Is.EqualTo("code"));
            Assert.That(request.Value("redirect_uri"), Is.EqualTo(RedirectUri));
            Assert.That(request.Value("scope"), Is.EqualTo(DefaultScope));
            Assert.That(request.State, Has.Length.GreaterThanOrEqualTo(16), "a random state");
            Assert.That(request.CodeChallenge, Does.Match("^[A-Za-z0-9_-]{43}$"), "an S256 challenge is 43 base64url characters");
            Assert.That(request.Value("code_challenge_method"), Is.EqualTo("S256"));
        }

        // The browser's answer and the result.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(browser.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(browser.Body, Is.EqualTo(SuccessPage));
        }

        AssertSucceeded(result);
        Assert.That(Str(result.ActionResult()["message"]), Is.EqualTo("Test Connectivity Passed"));

        // The code exchange: form-encoded, with the verifier of the challenge the browser saw.
        var tokenCalls = Server.RequestsTo("POST", FakeTokenEndpoint.TokenPath);
        Assert.That(tokenCalls, Has.Count.EqualTo(1), Server.DescribeRequests);
        var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(tokenCalls[0].Body);
        var verifier = form.TryGetValue("code_verifier", out var v) ? v.ToString() : "";
        Cli.RegisterSecret(verifier);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(tokenCalls[0].Header("Content-Type"), Does.StartWith("application/x-www-form-urlencoded"));
            Assert.That(form["grant_type"].ToString(), Is.EqualTo("authorization_code"));
            Assert.That(form["client_id"].ToString(), Is.EqualTo(ClientId));
            Assert.That(form["client_secret"].ToString() == ClientSecret, Is.True, "client_secret sent to the token endpoint");
            Assert.That(form["code"].ToString() == code, Is.True, "the code from the browser is exchanged");
            Assert.That(form["redirect_uri"].ToString(), Is.EqualTo(RedirectUri));
            Assert.That(verifier, Is.Not.Empty, "code_verifier sent");
            Assert.That(FakeTokenEndpoint.S256(verifier), Is.EqualTo(request.CodeChallenge), "base64url(sha256(code_verifier)) is the code_challenge");
            Assert.That(Tokens.AuthorizationCodeCalls, Is.EqualTo(1));
            Assert.That(Tokens.RejectedCalls, Is.Zero, () => string.Join("; ", Tokens.Rejections));
            Assert.That(Tokens.RefreshCalls, Is.Zero);
        }

        // Then GET /people/me with the new token.
        var issued = Tokens.Latest;
        var me = Server.RequestsTo("GET", "/v1/people/me");
        Assert.That(me, Has.Count.EqualTo(1), Server.DescribeRequests);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(me[0].Header("Authorization") == $"Bearer {issued.AccessToken}", Is.True, "people/me is called with the new access token");
            Assert.That(me[0].ReceivedAt, Is.GreaterThanOrEqualTo(tokenCalls[0].ReceivedAt), "people/me after the exchange");
        }

        // The state file: 0600 in a 0700 folder, the pair and its expiry times, never the client secret.
        var stateFile = StateFile(stateDir);
        Assert.That(File.Exists(stateFile), Is.True, $"{stateFile} exists");
        var text = await File.ReadAllTextAsync(stateFile);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(UnixMode(stateFile), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "state file mode 0600");
            Assert.That(UnixMode(stateDir), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute), "state folder mode 0700");
            Assert.That(text.Contains(issued.AccessToken, StringComparison.Ordinal), Is.True, "the state file holds the access token");
            Assert.That(text.Contains(issued.RefreshToken, StringComparison.Ordinal), Is.True, "the state file holds the refresh token");
            Assert.That(text.Contains(ClientSecret, StringComparison.Ordinal), Is.False, "the state file never holds the client secret");
            Assert.That(text.Contains(verifier, StringComparison.Ordinal), Is.False, "the state file does not keep the PKCE verifier");
            Assert.That(text.Contains(code, StringComparison.Ordinal), Is.False, "the state file does not keep the used authorization code");
            Assert.That(TimesIn(text).Any(t => Near(t, started.AddSeconds(FourteenDays))), Is.True, $"an access-token expiry ~14 days ahead is stored: {string.Join(", ", TimesIn(text))}");
            Assert.That(TimesIn(text).Any(t => Near(t, started.AddSeconds(Tokens.RefreshTokenLifetimeSeconds))), Is.True, $"a refresh-token expiry ~90 days ahead is stored: {string.Join(", ", TimesIn(text))}");
        }

        Assert.That(IsJsonObject(text), Is.True, "the state file is one JSON object");

        // The verifier is now a known secret too: it must not have been printed either.
        Cli.AssertHygiene(result);
    }

    [Test]
    public async Task TestConnectivity_WrongStateThenRightState_AnswersBadRequestAndKeepsWaiting()
    {
        await using var process = Cli.Start(["test-connectivity", "--asset", WriteAsset(OAuthAsset())]);
        var request = await ReadAuthorizeUrlAsync(process);
        var forgedCode = Tokens.IssueCode(request.CodeChallenge, request.RedirectUri);

        var forged = await BrowserRedirectAsync(("code", forgedCode), ("state", "not-the-state-" + request.State));
        var stillRunning = !process.HasExited;
        var (right, _) = await ConsentAsync(request);
        var result = await process.WaitForExitAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(forged.Status, Is.EqualTo(HttpStatusCode.BadRequest), () => forged.Body);
            Assert.That(forged.Body, Does.Not.Contain(SuccessPage));
            Assert.That(stillRunning, Is.True, "the wait goes on after a wrong state");
            Assert.That(right.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(right.Body, Is.EqualTo(SuccessPage));
            Assert.That(Tokens.AuthorizationCodeCalls, Is.EqualTo(1), "only the code with the right state is exchanged");
            Assert.That(Tokens.RejectedCalls, Is.Zero, () => string.Join("; ", Tokens.Rejections));
        }

        AssertSucceeded(result);
    }

    [Test]
    public async Task TestConnectivity_MissingStateOrCode_AnswersBadRequestAndKeepsWaiting()
    {
        await using var process = Cli.Start(["test-connectivity", "--asset", WriteAsset(OAuthAsset())]);
        var request = await ReadAuthorizeUrlAsync(process);
        var strayCode = Tokens.IssueCode(request.CodeChallenge, request.RedirectUri);

        var noState = await BrowserRedirectAsync(("code", strayCode));
        var emptyState = await BrowserRedirectAsync(("code", strayCode), ("state", ""));
        var noCode = await BrowserRedirectAsync(("state", request.State));
        var otherPath = await BrowserGetAsync(RedirectUri.Replace("/result", "/favicon.ico", StringComparison.Ordinal) + "?code=x&state=" + Uri.EscapeDataString(request.State));
        var stillRunning = !process.HasExited;
        var (right, _) = await ConsentAsync(request);
        var result = await process.WaitForExitAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(noState.Status, Is.EqualTo(HttpStatusCode.BadRequest), () => "no state: " + noState.Body);
            Assert.That(emptyState.Status, Is.EqualTo(HttpStatusCode.BadRequest), () => "empty state: " + emptyState.Body);
            Assert.That(noCode.Status, Is.EqualTo(HttpStatusCode.BadRequest), () => "right state, no code: " + noCode.Body);
            Assert.That(otherPath.Status, Is.AnyOf(HttpStatusCode.NotFound, HttpStatusCode.BadRequest), () => "another path: " + otherPath.Body);
            Assert.That(stillRunning, Is.True, "the wait goes on");
            Assert.That(right.Body, Is.EqualTo(SuccessPage));
            Assert.That(Tokens.AuthorizationCodeCalls, Is.EqualTo(1));
        }

        AssertSucceeded(result);
    }

    [Test]
    public async Task TestConnectivity_BrowserRefuses_FailsSayingAccessDenied()
    {
        await using var process = Cli.Start(["test-connectivity", "--asset", WriteAsset(OAuthAsset())]);
        var request = await ReadAuthorizeUrlAsync(process);

        var browser = await BrowserRedirectAsync(("error", "access_denied"), ("error_description", "The user denied the request"), ("state", request.State));
        var result = await process.WaitForExitAsync();

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(browser.Status, Is.Not.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(browser.Body, Does.Not.Contain(SuccessPage));
            Assert.That(message, Does.Contain("access_denied"));
            Assert.That(Tokens.TotalCalls, Is.Zero, "nothing to exchange");
            Assert.That(Server.RequestsTo("/v1/people/me"), Is.Empty);
            Assert.That(File.Exists(StateFile()), Is.False, "no pair stored");
        }
    }

    [Test]
    public async Task TestConnectivity_NoBrowserWithinAuthTimeout_FailsSayingNoAuthorizationArrived()
    {
        await using var process = Cli.Start(["test-connectivity", "--asset", WriteAsset(OAuthAsset(authTimeoutSeconds: 2))]);
        var request = await ReadAuthorizeUrlAsync(process);
        var shown = DateTimeOffset.UtcNow;
        var result = await process.WaitForExitAsync(TimeSpan.FromSeconds(30));
        var waited = DateTimeOffset.UtcNow - shown;

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(request.State, Is.Not.Empty);
            Assert.That(message, Does.Contain("auth_timeout_seconds").Or.Contain("2 seconds"), "the message names the time limit");
            Assert.That(Regex.IsMatch(message, @"\bno\b.*authori[sz]ation", RegexOptions.IgnoreCase), Is.True, () => $"the message says no authorization arrived: {message}");
            Assert.That(waited, Is.LessThan(TimeSpan.FromSeconds(20)), "bounded by auth_timeout_seconds");
            Assert.That(Tokens.TotalCalls, Is.Zero);
            Assert.That(Server.RequestsTo("/v1/people/me"), Is.Empty);
        }
    }

    [TestCase("localhost")]
    [TestCase("[::1]")]
    [TestCase("127.0.0.2")]
    public async Task TestConnectivity_OtherLoopbackRedirectHosts_ReceiveTheCode(string host)
    {
        var config = OAuthAsset();
        var redirectUri = RedirectUri.Replace("127.0.0.1", host, StringComparison.Ordinal);
        config["redirect_uri"] = redirectUri;

        await using var process = Cli.Start(["test-connectivity", "--asset", WriteAsset(config)]);
        var request = await ReadAuthorizeUrlAsync(process);
        var (browser, _) = await ConsentAsync(request);
        var result = await process.WaitForExitAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(request.RedirectUri, Is.EqualTo(redirectUri));
            Assert.That(browser.Body, Is.EqualTo(SuccessPage));
        }

        AssertSucceeded(result);
    }

    [Test]
    public async Task TestConnectivity_TokenEndpointRejectsTheCode_FailsWithItsErrorAndStoresNothing()
    {
        const string wrongSecret = "CLIENT-e2e-WRONG-SECRET-5c7e";
        var config = OAuthAsset();
        config["client_secret"] = wrongSecret;
        var asset = WriteAsset(config);

        await using var process = Cli.Start(["test-connectivity", "--asset", asset]);
        var request = await ReadAuthorizeUrlAsync(process);
        var (browser, _) = await ConsentAsync(request);
        var result = await process.WaitForExitAsync();

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(browser.Body, Is.EqualTo(SuccessPage), "the code itself arrived");
            Assert.That(message, Does.Contain("400"), "the token endpoint's status");
            Assert.That(message, Does.Contain("client_id or client_secret").Or.Contain("invalid_grant"), "the token endpoint's error text");
            Assert.That(Tokens.AuthorizationCodeCalls, Is.EqualTo(1));
            Assert.That(Tokens.Issued, Is.Empty);
            Assert.That(File.Exists(StateFile()), Is.False, "nothing stored");
            Assert.That(Server.RequestsTo("/v1/people/me"), Is.Empty);
        }
    }

    [Test]
    public async Task TestConnectivity_CustomScope_AskedForAndReportedByAuthStatus()
    {
        const string scope = "spark:people_read spark:rooms_read";
        var config = OAuthAsset();
        config["scope"] = scope;
        var asset = WriteAsset(config);

        var (_, request) = await AuthorizeAsync(asset);
        var status = await Cli.RunAsync("auth", "status", "--asset", asset);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(request.Value("scope"), Is.EqualTo(scope));
            Assert.That(Str(AuthData(status)["scope"]), Is.EqualTo(scope));
        }
    }

    [TestCase("xdg")]
    [TestCase("home")]
    public async Task TestConnectivity_NoStateDirVariable_StoresUnderXdgStateHomeOrHome(string fallback)
    {
        var environment = new Dictionary<string, string?> { ["WEBEX_CONNECTOR_STATE_DIR"] = null };
        if (fallback == "home")
        {
            environment["XDG_STATE_HOME"] = null;
        }

        var expected = fallback == "xdg"
            ? Path.Combine(Cli.XdgStateHome, "webex-connector", $"{AssetId}_state.json")
            : Path.Combine(Cli.HomeDir, ".local", "state", "webex-connector", $"{AssetId}_state.json");
        var asset = WriteAsset(OAuthAsset());

        await using var process = Cli.Start(["test-connectivity", "--asset", asset], environment);
        var request = await ReadAuthorizeUrlAsync(process);
        await ConsentAsync(request);
        var result = await process.WaitForExitAsync();

        AssertSucceeded(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.Exists(expected), Is.True, $"the state file is {expected}");
            Assert.That(File.Exists(StateFile()), Is.False, "not in the (unset) WEBEX_CONNECTOR_STATE_DIR");
        }

        var status = await Cli.RunAsync(["auth", "status", "--asset", asset], environment: environment);
        Assert.That(AuthData(status)["has_token_pair"]?.GetValue<bool>(), Is.True, "auth status finds it there");
    }

    [TestCase("http://example.com:8914/result")]
    [TestCase("http://192.168.1.20:8914/result")]
    [TestCase("https://127.0.0.1:8914/result")]
    public async Task TestConnectivity_NonLoopbackRedirectUri_ExitsTwoWithoutPrompt(string redirectUri)
    {
        var config = OAuthAsset(authTimeoutSeconds: 2);
        config["redirect_uri"] = redirectUri;

        var result = await Cli.RunAsync("test-connectivity", "--asset", WriteAsset(config));

        var message = AssertUnusableInvocation(result);
        Assert.That(message, Does.Contain("redirect_uri"));
        AssertNoBrowserPrompt(result);
        AssertNoRequests();
    }

    [Test]
    public async Task TestConnectivity_StoredUsablePair_PrintsNoUrlAndCallsNoTokenEndpoint()
    {
        var asset = await WriteAuthorizedAssetAsync();
        var issued = Tokens.Latest;
        var callsBefore = Tokens.TotalCalls;

        var result = await Cli.RunAsync("test-connectivity", "--asset", asset);

        AssertSucceeded(result);
        AssertNoBrowserPrompt(result);
        var me = Server.RequestsTo("GET", "/v1/people/me");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Tokens.TotalCalls, Is.EqualTo(callsBefore), "no token call");
            Assert.That(me, Has.Count.EqualTo(2), Server.DescribeRequests);
            Assert.That(me[^1].Header("Authorization") == $"Bearer {issued.AccessToken}", Is.True, "the stored access token is used");
        }
    }

    // ------------------------------------------------------------------ refresh

    [Test]
    public async Task ListRooms_AccessTokenAboutToExpire_RefreshesOnceAndStoresRotatedRefreshToken()
    {
        Tokens.AccessTokenLifetimeSeconds = 30;
        var asset = await WriteAuthorizedAssetAsync();
        var first = Tokens.Latest;
        var refreshesBefore = Tokens.RefreshCalls;
        Tokens.RefreshedAccessTokenLifetimeSeconds = FourteenDays;
        Server.AddRooms(5);
        Server.RoomsPageSizeCap = 2;

        var result = await Cli.RunAsync("list-rooms", "--asset", asset);

        AssertSucceeded(result);
        AssertNoBrowserPrompt(result);
        var refreshed = Tokens.Latest;
        var rooms = Server.RequestsTo("GET", "/v1/rooms");
        var stored = await File.ReadAllTextAsync(StateFile());
        var refreshCall = Server.RequestsTo("POST", FakeTokenEndpoint.TokenPath)[^1];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Tokens.RefreshCalls - refreshesBefore, Is.EqualTo(1), "one refresh: 30 s is within the 60 s margin");
            Assert.That(Tokens.RejectedCalls, Is.Zero, () => string.Join("; ", Tokens.Rejections));
            Assert.That(refreshCall.Body.Contains("grant_type=refresh_token", StringComparison.Ordinal), Is.True, "grant_type=refresh_token");
            Assert.That(refreshCall.Body.Contains(Uri.EscapeDataString(first.RefreshToken), StringComparison.Ordinal), Is.True, "the stored refresh token is used");
            Assert.That(rooms, Has.Count.EqualTo(3), Server.DescribeRequests);
            Assert.That(rooms.All(r => r.Header("Authorization") == $"Bearer {refreshed.AccessToken}"), Is.True, "every page uses the refreshed access token, none the old one");
            Assert.That(stored.Contains(refreshed.RefreshToken, StringComparison.Ordinal), Is.True, "the rotated refresh token is stored");
            Assert.That(stored.Contains(first.RefreshToken, StringComparison.Ordinal), Is.False, "the old refresh token is gone");
            Assert.That(stored.Contains(refreshed.AccessToken, StringComparison.Ordinal), Is.True, "the new access token is stored");
            Assert.That(UnixMode(StateFile()), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "still 0600 after the replacement");
        }
    }

    [Test]
    public async Task ListRooms_AccessTokenRevoked_RefreshesOnceAfter401AndSucceeds()
    {
        var asset = await WriteAuthorizedAssetAsync();
        var first = Tokens.Latest;
        var refreshesBefore = Tokens.RefreshCalls;
        Server.RevokeToken(first.AccessToken);
        var rooms = Server.AddRooms(3);

        var result = await Cli.RunAsync("list-rooms", "--asset", asset);

        AssertSucceeded(result);
        AssertNoBrowserPrompt(result);
        var refreshed = Tokens.Latest;
        var calls = Server.RequestsTo("GET", "/v1/rooms");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Ids(result.ActionResult()["data"]), Is.EqualTo(rooms.Select(r => Str(r["id"])).ToList()));
            Assert.That(Tokens.RefreshCalls - refreshesBefore, Is.EqualTo(1));
            Assert.That(Tokens.RejectedCalls, Is.Zero, () => string.Join("; ", Tokens.Rejections));
            Assert.That(calls, Has.Count.EqualTo(2), Server.DescribeRequests);
            Assert.That(calls.Count == 2 && calls[0].Header("Authorization") == $"Bearer {first.AccessToken}" && calls[1].Header("Authorization") == $"Bearer {refreshed.AccessToken}", Is.True, "401 with the old token, then the new one");
            Assert.That(File.ReadAllText(StateFile()).Contains(refreshed.RefreshToken, StringComparison.Ordinal), Is.True, "the rotated refresh token is stored");
        }
    }

    [Test]
    public async Task SendMessage_AccessTokenRevoked_RefreshesRepeatsThePostOnceAndDeliversOneMessage()
    {
        var asset = await WriteAuthorizedAssetAsync();
        var first = Tokens.Latest;
        var refreshesBefore = Tokens.RefreshCalls;
        Server.RevokeToken(first.AccessToken);

        var result = await Cli.RunAsync("send-message", "--asset", asset, "--endpoint-id", "alice@example.com", "--destination-type", "email", "--message", "after a refresh");

        AssertSucceeded(result);
        var posts = Server.RequestsTo("POST", "/v1/messages");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Tokens.RefreshCalls - refreshesBefore, Is.EqualTo(1));
            Assert.That(posts, Has.Count.EqualTo(2), () => "refused with 401, then repeated once with the new token: " + Server.DescribeRequests());
            Assert.That(posts.Count == 2 && posts[0].Body == posts[1].Body, Is.True, "the same body both times");
            Assert.That(posts.Count == 2 && posts[1].Header("Authorization") == $"Bearer {Tokens.Latest.AccessToken}", Is.True, "the repeat uses the new token");
            Assert.That(Server.Messages, Has.Count.EqualTo(1), "exactly one message delivered");
        }
    }

    [TestCase(true, TestName = "ListRooms_RefreshTokenRejectedOnProactiveRefresh_FailsTellingToRunTestConnectivity")]
    [TestCase(false, TestName = "ListRooms_RefreshTokenRejectedAfter401_FailsTellingToRunTestConnectivity")]
    public async Task ListRooms_RefreshTokenRejected_FailsTellingToRunTestConnectivity(bool proactive)
    {
        if (proactive)
        {
            Tokens.AccessTokenLifetimeSeconds = 30;
        }

        var asset = await WriteAuthorizedAssetAsync();
        var refreshesBefore = Tokens.RefreshCalls;
        Tokens.InvalidateRefreshTokens();
        if (!proactive)
        {
            Server.RevokeToken(Tokens.Latest.AccessToken);
        }

        Server.AddRooms(2);

        var result = await Cli.RunAsync("list-rooms", "--asset", asset);

        var message = AssertActionFailed(result);
        AssertTellsToRunTestConnectivity(message);
        AssertNoBrowserPrompt(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Tokens.RefreshCalls - refreshesBefore, Is.EqualTo(1), "one refresh attempt");
            Assert.That(Tokens.RejectedRefreshCalls, Is.EqualTo(1));
            Assert.That(Server.RequestsTo("GET", "/v1/rooms"), Has.Count.EqualTo(proactive ? 0 : 1), Server.DescribeRequests);
        }
    }

    [TestCase("list-rooms")]
    [TestCase("get-user", "--email-address", "alice@example.com")]
    [TestCase("send-message", "--endpoint-id", "alice@example.com", "--destination-type", "email", "--message", "hi")]
    public async Task Action_NoStoredPair_FailsTellingToRunTestConnectivityWithoutPrompt(string command, params string[] args)
    {
        var result = await Cli.RunAsync([command, "--asset", WriteAsset(OAuthAsset(authTimeoutSeconds: 2)), .. args]);

        var message = AssertActionFailed(result);
        AssertTellsToRunTestConnectivity(message);
        AssertNoBrowserPrompt(result);
        AssertNoRequests();
    }

    [TestCase(false, TestName = "TestConnectivity_StoredPairRefusedWith401AndRefreshRejected_AuthorizesInBrowserAgain")]
    [TestCase(true, TestName = "TestConnectivity_StoredPairExpiringAndRefreshRejected_AuthorizesInBrowserAgain")]
    public async Task TestConnectivity_StoredPairUnusable_AuthorizesInBrowserAgain(bool proactive)
    {
        if (proactive)
        {
            Tokens.AccessTokenLifetimeSeconds = 30;
        }

        await WriteAuthorizedAssetAsync();
        if (!proactive)
        {
            Server.RevokeToken(Tokens.Latest.AccessToken);
        }

        Tokens.InvalidateRefreshTokens();
        var codeGrantsBefore = Tokens.AuthorizationCodeCalls;

        await using var process = Cli.Start(["test-connectivity", "--asset", WriteAsset(OAuthAsset())]);
        var line = await process.TryWaitForStderrLineAsync(l => l.StartsWith(PromptPrefix, StringComparison.Ordinal), PromptTimeout);
        if (line is not null)
        {
            var request = await ReadAuthorizeUrlFromLineAsync(line);
            await ConsentAsync(request);
        }

        var result = await process.WaitForExitAsync();

        Assert.That(line, Is.Not.Null, () => $"test connectivity asks for the browser when the stored pair is unusable.{Environment.NewLine}{result.Describe()}");
        AssertSucceeded(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Tokens.AuthorizationCodeCalls - codeGrantsBefore, Is.EqualTo(1), "one new code exchange");
            Assert.That(File.ReadAllText(StateFile()).Contains(Tokens.Latest.RefreshToken, StringComparison.Ordinal), Is.True, "the new pair is stored");
        }
    }

    // ------------------------------------------------------------------ the state file

    private static IEnumerable<TestCaseData> CorruptStateFiles()
    {
        yield return new TestCaseData("this is not json").SetArgDisplayNames("not json");
        yield return new TestCaseData("").SetArgDisplayNames("empty file");
        yield return new TestCaseData("{\"access_token\":").SetArgDisplayNames("truncated");
        yield return new TestCaseData("[]").SetArgDisplayNames("a list");
        yield return new TestCaseData("{}").SetArgDisplayNames("no tokens");
        yield return new TestCaseData("{\"access_token\":5,\"refresh_token\":true}").SetArgDisplayNames("wrong types");
        yield return new TestCaseData("{\"access_token\":\"a\",\"refresh_token\":\"b\",\"access_token_expires_at\":\"tomorrow\"}").SetArgDisplayNames("bad time");
    }

    [TestCaseSource(nameof(CorruptStateFiles))]
    public async Task ListRooms_CorruptStateFile_FailsWithClearMessage(string content)
    {
        Directory.CreateDirectory(Cli.StateDir);
        await File.WriteAllTextAsync(StateFile(), content);

        var result = await Cli.RunAsync("list-rooms", "--asset", WriteAsset(OAuthAsset(authTimeoutSeconds: 2)));

        var message = AssertActionFailed(result);
        AssertTellsToRunTestConnectivity(message);
        AssertNoBrowserPrompt(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.Contain("state file"), "the message names the state file");
            Assert.That(message, Does.Not.Contain("Unexpected error"));
            Assert.That(result.Stderr, Does.Not.Contain("unexpected"), "no crash");
        }

        AssertNoRequests();
    }

    [Test]
    public async Task AuthStatus_CorruptStateFile_ReportsNoUsablePairWithoutCrash()
    {
        Directory.CreateDirectory(Cli.StateDir);
        await File.WriteAllTextAsync(StateFile(), "{ definitely not a token pair");

        var result = await Cli.RunAsync("auth", "status", "--asset", WriteAsset(OAuthAsset()));

        var data = AuthData(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(data["mode"]), Is.EqualTo("oauth"));
            Assert.That(data["has_token_pair"]?.GetValue<bool>(), Is.False);
            Assert.That(Str(result.JsonObject()["status"]), Is.EqualTo("failed"), "an unusable state file is not a healthy status");
            Assert.That(Str(result.JsonObject()["message"]), Does.Contain("state file").And.Contain("unusable").And.Contain("auth reset"));
            Assert.That(Str(result.JsonObject()["message"]), Does.Not.Contain("LineNumber").And.Not.Contain("WebexConnector.Auth"));
        }

        AssertNoRequests();
    }

    [Test]
    public async Task TestConnectivity_CorruptStateFile_AuthorizesAgainAndReplacesIt()
    {
        Directory.CreateDirectory(Cli.StateDir);
        await File.WriteAllTextAsync(StateFile(), "garbage");

        await AuthorizeAsync(WriteAsset(OAuthAsset()));

        var stored = await File.ReadAllTextAsync(StateFile());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(IsJsonObject(stored), Is.True);
            Assert.That(stored.Contains(Tokens.Latest.RefreshToken, StringComparison.Ordinal), Is.True);
        }
    }

    // ------------------------------------------------------------------ auth status / auth reset

    [Test]
    public async Task AuthStatus_AfterAuthorization_ReportsOAuthPairExpiryAndScopeWithoutTokens()
    {
        var asset = await WriteAuthorizedAssetAsync();
        var issued = Tokens.Latest;

        var result = await Cli.RunAsync("auth", "status", "--asset", asset);

        AssertExitCode(result, 0);
        var json = result.JsonObject();
        var data = AuthData(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(json["status"]), Is.EqualTo("success"));
            Assert.That(Str(json["message"]), Is.Not.Null.And.Not.Empty);
            Assert.That(Str(data["mode"]), Is.EqualTo("oauth"));
            Assert.That(data["has_token_pair"]?.GetValue<bool>(), Is.True);
            Assert.That(Str(data["scope"]), Is.EqualTo(DefaultScope));
            Assert.That(Str(data["access_token_expires_at"]), Does.Match(Iso8601Utc), "ISO 8601 UTC");
            Assert.That(Str(data["refresh_token_expires_at"]), Does.Match(Iso8601Utc), "ISO 8601 UTC");
            Assert.That(Near(ParseTime(Str(data["access_token_expires_at"])), issued.IssuedAt.AddSeconds(issued.ExpiresIn)), Is.True, "access token expiry");
            Assert.That(Near(ParseTime(Str(data["refresh_token_expires_at"])), issued.IssuedAt.AddSeconds(Tokens.RefreshTokenLifetimeSeconds)), Is.True, "refresh token expiry");
            Assert.That(result.Stdout.Contains(issued.AccessToken, StringComparison.Ordinal) || result.Stdout.Contains(issued.RefreshToken, StringComparison.Ordinal), Is.False, "never a token");
            Assert.That(result.Stdout, Does.Not.Contain("[REDACTED]"), "no token was even about to be printed");
        }

        AssertNoTokenValues(data);
        Assert.That(Server.Requests.Count(r => r.Path != "/v1/people/me" && r.Path != FakeTokenEndpoint.TokenPath), Is.Zero, "auth status calls nothing");
    }

    [Test]
    public async Task AuthStatus_NoPair_ReportsHasTokenPairFalse()
    {
        var result = await Cli.RunAsync("auth", "status", "--asset", WriteAsset(OAuthAsset()));

        AssertExitCode(result, 0);
        var data = AuthData(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(data["mode"]), Is.EqualTo("oauth"));
            Assert.That(data["has_token_pair"]?.GetValue<bool>(), Is.False);
        }

        AssertNoRequests();
    }

    [Test]
    public async Task AuthReset_AfterAuthorization_ForgetsThePairOnce()
    {
        var asset = await WriteAuthorizedAssetAsync();
        Assert.That(File.Exists(StateFile()), Is.True, "authorized");

        var first = await Cli.RunAsync("auth", "reset", "--asset", asset);
        var existsAfterReset = File.Exists(StateFile());
        var second = await Cli.RunAsync("auth", "reset", "--asset", asset);
        var status = await Cli.RunAsync("auth", "status", "--asset", asset);

        AssertExitCode(first, 0);
        AssertExitCode(second, 0);
        AssertExitCode(status, 0);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(first.JsonObject()["status"]), Is.EqualTo("success"));
            Assert.That(AuthData(first)["had_token_pair"]?.GetValue<bool>(), Is.True, "the first reset had a pair");
            Assert.That(existsAfterReset, Is.False, "the state file is gone");
            Assert.That(AuthData(second)["had_token_pair"]?.GetValue<bool>(), Is.False, "the second reset had none");
            Assert.That(AuthData(status)["has_token_pair"]?.GetValue<bool>(), Is.False);
        }

        // The next action asks for test connectivity again.
        var list = await Cli.RunAsync("list-rooms", "--asset", asset);
        AssertTellsToRunTestConnectivity(AssertActionFailed(list));
    }

    [Test]
    public async Task TestConnectivity_PatWithClientIdAndSecret_UsesPatWithoutStateFileOrTokenCall()
    {
        var config = OAuthAsset(authTimeoutSeconds: 2);
        config["authorization_key"] = Pat;
        var asset = WriteAsset(config);

        var result = await Cli.RunAsync("test-connectivity", "--asset", asset);
        var list = await Cli.RunAsync("list-rooms", "--asset", asset);
        var status = await Cli.RunAsync("auth", "status", "--asset", asset);

        AssertSucceeded(result);
        AssertSucceeded(list);
        AssertNoBrowserPrompt(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.RequestsTo("GET", "/v1/people/me").Select(r => r.Header("Authorization") == $"Bearer {Pat}").ToList(), Has.Count.EqualTo(1).And.All.True, "the PAT wins");
            Assert.That(Server.RequestsTo("GET", "/v1/rooms").Select(r => r.Header("Authorization") == $"Bearer {Pat}").ToList(), Has.Count.EqualTo(1).And.All.True, "the PAT wins");
            Assert.That(Tokens.TotalCalls, Is.Zero, "no token call");
            Assert.That(Directory.EnumerateFileSystemEntries(Cli.StateDir), Is.Empty, "no state (or lock) file");
            Assert.That(Str(AuthData(status)["mode"]), Is.EqualTo("pat"));
        }
    }

    // ------------------------------------------------------------------ several processes on one asset

    [Test]
    public async Task ListRooms_EightProcessesWithExpiringToken_AllSucceedWithoutStaleRefresh()
    {
        const int processes = 8;
        Tokens.AccessTokenLifetimeSeconds = 30;
        var asset = await WriteAuthorizedAssetAsync();
        var refreshesBefore = Tokens.RefreshCalls;
        Server.AddRooms(3);

        var results = await RunConcurrentlyAsync(processes, ["list-rooms", "--asset", asset]);

        foreach (var result in results)
        {
            AssertSucceeded(result);
        }

        var stored = await File.ReadAllTextAsync(StateFile());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Tokens.RejectedRefreshCalls, Is.Zero, () => $"no process refreshed with a stale (rotated) refresh token: {string.Join("; ", Tokens.Rejections)}");
            Assert.That(Tokens.RefreshCalls - refreshesBefore, Is.InRange(1, processes), "each process refreshes at most once (30 s is within the 60 s margin)");
            Assert.That(Tokens.AuthorizationCodeCalls, Is.EqualTo(1));
            Assert.That(IsJsonObject(stored), Is.True, "the state file is valid JSON afterwards");
            Assert.That(stored.Contains(Tokens.Latest.RefreshToken, StringComparison.Ordinal), Is.True, "the last rotated refresh token is stored");
            Assert.That(Directory.EnumerateFiles(Cli.StateDir, "*.tmp", SearchOption.AllDirectories), Is.Empty, "no temporary file left behind");
            Assert.That(Server.RequestsTo("GET", "/v1/rooms"), Has.Count.EqualTo(processes), "one page each, no 401");
        }

        // The pair that is stored still works: one more run needs at most one more refresh.
        var after = await Cli.RunAsync("list-rooms", "--asset", asset);
        AssertSucceeded(after);
        Assert.That(Tokens.RejectedRefreshCalls, Is.Zero, () => string.Join("; ", Tokens.Rejections));
    }

    [Test]
    public async Task ListRooms_EightProcessesWithExpiringTokenAndLongLivedRefresh_RefreshOnlyOnce()
    {
        const int processes = 8;
        Tokens.AccessTokenLifetimeSeconds = 30;
        var asset = await WriteAuthorizedAssetAsync();
        var refreshesBefore = Tokens.RefreshCalls;
        Tokens.RefreshedAccessTokenLifetimeSeconds = FourteenDays;
        Server.AddRooms(3);

        var results = await RunConcurrentlyAsync(processes, ["list-rooms", "--asset", asset]);

        foreach (var result in results)
        {
            AssertSucceeded(result);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Tokens.RefreshCalls - refreshesBefore, Is.EqualTo(1), "the others wait for the lock, re-read the file and use the fresh token");
            Assert.That(Tokens.RejectedRefreshCalls, Is.Zero, () => string.Join("; ", Tokens.Rejections));
            Assert.That(IsJsonObject(await File.ReadAllTextAsync(StateFile())), Is.True);
        }
    }

    private async Task<List<CliResult>> RunConcurrentlyAsync(int count, string[] args)
    {
        var running = new List<CliProcess>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                running.Add(Cli.Start(args));
            }

            var outcomes = await Task.WhenAll(running.Select(p => p.WaitForExitUncheckedAsync(TimeSpan.FromSeconds(120))));
            var results = new List<CliResult>();
            foreach (var (result, timedOut) in outcomes)
            {
                Assert.That(timedOut, Is.False, () => $"a process did not finish in time: {result.Describe()}");
                Cli.Log(result);
                Cli.AssertHygiene(result);
                results.Add(result);
            }

            return results;
        }
        finally
        {
            foreach (var process in running)
            {
                await process.DisposeAsync();
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private const string Iso8601Utc = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$";

    private static Task<AuthorizeRequest> ReadAuthorizeUrlFromLineAsync(string line)
    {
        var url = new Uri(line[PromptPrefix.Length..].Trim());
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query)
            .ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.Ordinal);
        return Task.FromResult(new AuthorizeRequest(url, query));
    }

    /// <summary>The one object of <c>data</c> of an auth status/reset document (a list of one, or the object itself).</summary>
    private static JsonObject AuthData(CliResult result)
    {
        var data = result.JsonObject()["data"];
        var obj = data switch
        {
            JsonArray { Count: 1 } list => list[0] as JsonObject,
            JsonObject o => o,
            _ => null,
        };
        Assert.That(obj, Is.Not.Null, () => $"data holds one object.{Environment.NewLine}{result.Describe()}");
        return obj!;
    }

    private void AssertNoTokenValues(JsonObject data)
    {
        foreach (var (key, value) in data)
        {
            var text = value?.ToJsonString() ?? "";
            Assert.That(Tokens.Issued.Any(t => text.Contains(t.AccessToken, StringComparison.Ordinal) || text.Contains(t.RefreshToken, StringComparison.Ordinal)), Is.False, $"data.{key} holds no token");
        }
    }

    private static UnixFileMode? UnixMode(string path) => OperatingSystem.IsWindows() ? null : File.GetUnixFileMode(path);

    private static DateTimeOffset ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : DateTimeOffset.MinValue;

    /// <summary>Within five minutes (the test's clock and the product's differ by the run's duration).</summary>
    private static bool Near(DateTimeOffset actual, DateTimeOffset expected) =>
        (actual - expected).Duration() < TimeSpan.FromMinutes(5);

    /// <summary>Every string or number in a JSON text that reads as a point in time.</summary>
    private static List<DateTimeOffset> TimesIn(string json)
    {
        var times = new List<DateTimeOffset>();
        try
        {
            using var document = JsonDocument.Parse(json);
            Collect(document.RootElement);
        }
        catch (JsonException)
        {
            // not JSON: no times
        }

        return times;

        void Collect(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        Collect(property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Collect(item);
                    }

                    break;
                case JsonValueKind.String when DateTimeOffset.TryParse(element.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t):
                    times.Add(t);
                    break;
                case JsonValueKind.Number when element.TryGetInt64(out var seconds) && seconds > 1_000_000_000 && seconds < 100_000_000_000:
                    times.Add(DateTimeOffset.FromUnixTimeSeconds(seconds));
                    break;
                default:
                    break;
            }
        }
    }

    private static bool IsJsonObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonObject;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

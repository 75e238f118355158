using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using WebexConnector.Auth;
using WebexConnector.Configuration;
using WebexConnector.Security;
using WebexConnector.Webex;

namespace WebexConnector.Tests.Auth;

/// <summary>The device grant's timing and answers, on a FakeTimeProvider: every poll time is exact.</summary>
public class DeviceAuthorizationFlowTests
{
    private const string ClientId = "C0123deviceclient";
    private const string ClientSecret = "CLIENT-device-SECRET-5a6b7c";
    private const string DeviceCode = "DEVICECODE-SECRET-9c697e89-552c";
    private const string UserCode = "729703";
    private const string Access = "ACCESS-device-SECRET-111111";
    private const string Refresh = "REFRESH-device-SECRET-222222";

    // Every test ends well within this (fake) time; the bound keeps a broken loop from spinning.
    private static readonly TimeSpan MaxFakeTime = TimeSpan.FromMinutes(30);

    // NUnit shares one fixture instance between tests: everything is made anew in SetUp.
    private FakeTimeProvider _time = null!;
    private SecretRedactor _redactor = null!;
    private StringWriter _prompt = null!;
    private string _stateDirectory = string.Empty;
    private FakeOAuthApi _api = null!;

    [SetUp]
    public void SetUp()
    {
        _stateDirectory = Directory.CreateTempSubdirectory("webex-connector-device-").FullName;
        _time = new FakeTimeProvider();
        _redactor = new SecretRedactor();
        _prompt = new StringWriter();
        _api = new FakeOAuthApi(_time);
    }

    [TearDown]
    public void TearDown()
    {
        _prompt.Dispose();
        Directory.Delete(_stateDirectory, recursive: true);
    }

    [Test]
    public async Task Authorize_PendingTwiceThenApproved_PollsEveryIntervalAndStoresPair()
    {
        _api.DeviceCodeAnswer = DeviceCodeAnswer(interval: 3);
        _api.PollAnswer = n => n < 2 ? FakeOAuthApi.Pending() : FakeOAuthApi.Tokens(Access, Refresh);

        var (error, _) = await RunAsync(Flow());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Is.Null);
            Assert.That(_api.PollSeconds, Is.EqualTo(Seconds(3, 6, 9)));
            Assert.That(new TokenStateStore(_stateDirectory, "device-test").Load()?.AccessToken, Is.EqualTo(Access));
        }
    }

    [Test]
    public async Task Authorize_NoIntervalGiven_PollsEveryFiveSeconds()
    {
        _api.DeviceCodeAnswer = DeviceCodeAnswer(interval: null);
        _api.PollAnswer = n => n < 2 ? FakeOAuthApi.Pending() : FakeOAuthApi.Tokens(Access, Refresh);

        var (error, _) = await RunAsync(Flow());

        Assert.That(error, Is.Null);
        Assert.That(_api.PollSeconds, Is.EqualTo(Seconds(5, 10, 15)));
    }

    [Test]
    public async Task Authorize_SlowDown_AddsFiveSecondsToEveryLaterInterval()
    {
        _api.DeviceCodeAnswer = DeviceCodeAnswer(interval: 2);
        _api.PollAnswer = n => n switch
        {
            1 or 3 => FakeOAuthApi.Json(HttpStatusCode.BadRequest, """{"error":"slow_down"}"""),
            < 5 => FakeOAuthApi.Pending(),
            _ => FakeOAuthApi.Tokens(Access, Refresh),
        };

        var (error, _) = await RunAsync(Flow());

        // 2 s, then 7 s after the first slow_down, then 12 s after the second.
        Assert.That(error, Is.Null);
        Assert.That(_api.PollSeconds, Is.EqualTo(Seconds(2, 4, 11, 18, 30, 42)));
    }

    [Test]
    public async Task Authorize_CodeExpiresBeforeAnyoneAuthorizes_FailsWhenItExpiresSayingSo()
    {
        _api.DeviceCodeAnswer = DeviceCodeAnswer(interval: 5, expiresIn: 12);

        var (error, ended) = await RunAsync(Flow(authTimeoutSeconds: 300));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Is.TypeOf<AuthorizationFailedException>());
            Assert.That(error?.Message, Does.Contain("expired after 12 s").And.Contain(UserCode).And.Contain("test connectivity"));
            Assert.That(ended, Is.EqualTo(TimeSpan.FromSeconds(12)), "fails when the code expires, not a poll later");
            Assert.That(_api.PollSeconds, Is.EqualTo(Seconds(5, 10)));
            Assert.That(File.Exists(new TokenStateStore(_stateDirectory, "device-test").FilePath), Is.False);
        }
    }

    [Test]
    public async Task Authorize_AuthTimeoutBeforeCodeExpires_FailsAtAuthTimeoutSayingSo()
    {
        _api.DeviceCodeAnswer = DeviceCodeAnswer(interval: 5, expiresIn: 300);

        var (error, ended) = await RunAsync(Flow(authTimeoutSeconds: 7));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Is.TypeOf<AuthorizationFailedException>());
            Assert.That(error?.Message, Does.Contain("No authorization arrived within 7 s (auth_timeout_seconds)"));
            Assert.That(ended, Is.EqualTo(TimeSpan.FromSeconds(7)));
            Assert.That(_api.PollSeconds, Is.EqualTo(Seconds(5)));
        }
    }

    [Test]
    public async Task Authorize_AuthTimeoutOnAPollTime_PollsOnceMoreThenFails()
    {
        _api.DeviceCodeAnswer = DeviceCodeAnswer(interval: 5, expiresIn: 300);

        var (error, ended) = await RunAsync(Flow(authTimeoutSeconds: 10));

        Assert.That(error?.Message, Does.Contain("auth_timeout_seconds"));
        Assert.That(ended, Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(_api.PollSeconds, Is.EqualTo(Seconds(5, 10)));
    }

    [Test]
    public async Task Authorize_PersonDenies_FailsSayingDeclinedAndStoresNothing()
    {
        _api.DeviceCodeAnswer = DeviceCodeAnswer(interval: 1);
        _api.PollAnswer = n => n == 0
            ? FakeOAuthApi.Pending()
            : FakeOAuthApi.Json(HttpStatusCode.BadRequest, """{"error":"access_denied","error_description":"The user denied the request"}""");

        var (error, _) = await RunAsync(Flow());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Is.TypeOf<AuthorizationFailedException>());
            Assert.That(error?.Message, Does.Contain("declined").And.Contain("access_denied"));
            Assert.That(_api.Polls, Has.Count.EqualTo(2), "no poll after the refusal");
            Assert.That(File.Exists(new TokenStateStore(_stateDirectory, "device-test").FilePath), Is.False);
        }
    }

    [Test]
    public async Task Authorize_WebexSaysExpiredToken_FailsSayingTheCodeExpired()
    {
        _api.DeviceCodeAnswer = DeviceCodeAnswer(interval: 1);
        _api.PollAnswer = _ => FakeOAuthApi.Json(HttpStatusCode.BadRequest, """{"message":"expired_token","trackingId":"ROUTER_X"}""");

        var (error, _) = await RunAsync(Flow());

        Assert.That(error, Is.TypeOf<AuthorizationFailedException>());
        Assert.That(error?.Message, Does.Contain("expired").And.Contain("Run test connectivity again for a new code"));
    }

    private static IEnumerable<TestCaseData> PendingAnswers()
    {
        yield return new TestCaseData(400, """{"error":"authorization_pending"}""").SetArgDisplayNames("400 error");
        yield return new TestCaseData(428, """{"message":"authorization_pending","trackingId":"ROUTER_1"}""").SetArgDisplayNames("428 message");
        yield return new TestCaseData(428, """{"message":"Precondition Required","errors":[{"description":"authorization_pending: the user has not yet approved"}]}""")
            .SetArgDisplayNames("428 errors description");
        yield return new TestCaseData(400, """{"error":"invalid_request","error_description":"AUTHORIZATION_PENDING"}""").SetArgDisplayNames("400 description");
    }

    [TestCaseSource(nameof(PendingAnswers))]
    public async Task Authorize_PendingNamedAnywhereInA400Or428_KeepsPolling(int status, string body)
    {
        _api.DeviceCodeAnswer = DeviceCodeAnswer(interval: 1);
        _api.PollAnswer = n => n < 2 ? FakeOAuthApi.Json((HttpStatusCode)status, body) : FakeOAuthApi.Tokens(Access, Refresh);

        var (error, _) = await RunAsync(Flow());

        Assert.That(error, Is.Null);
        Assert.That(_api.PollSeconds, Is.EqualTo(Seconds(1, 2, 3)));
    }

    [Test]
    public async Task Authorize_SlowDownNamedInMessageOf428_AddsFiveSeconds()
    {
        _api.DeviceCodeAnswer = DeviceCodeAnswer(interval: 1);
        _api.PollAnswer = n => n == 0
            ? FakeOAuthApi.Json(HttpStatusCode.PreconditionRequired, """{"message":"slow_down"}""")
            : FakeOAuthApi.Tokens(Access, Refresh);

        var (error, _) = await RunAsync(Flow());

        Assert.That(error, Is.Null);
        Assert.That(_api.PollSeconds, Is.EqualTo(Seconds(1, 7)));
    }

    [TestCase(400, """{"message":"The request could not be understood by the server due to malformed syntax.","errors":[{"description":"Client Id is invalid"}],"trackingId":"ROUTER_62E068B0"}""", "malformed syntax")]
    [TestCase(500, """{"message":"authorization_pending","trackingId":"ROUTER_62E068B0"}""", "authorization_pending")]
    public async Task Authorize_OtherFailure_FailsWithWebexTextAndTrackingId(int status, string body, string webexText)
    {
        _api.DeviceCodeAnswer = DeviceCodeAnswer(interval: 1);
        _api.PollAnswer = _ => FakeOAuthApi.Json((HttpStatusCode)status, body);

        var (error, _) = await RunAsync(Flow());

        var message = WebexFailureMessage.For("Test Connectivity Failed", error!);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Is.TypeOf<WebexApiException>());
            Assert.That(message, Does.Contain($"Status code: {status}").And.Contain(webexText).And.Contain("Tracking ID: ROUTER_62E068B0"));
            Assert.That(_api.Polls, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task Authorize_Requests_CarryClientIdScopeBasicCredentialsAndDeviceCode()
    {
        _api.DeviceCodeAnswer = DeviceCodeAnswer(interval: 1);
        _api.PollAnswer = _ => FakeOAuthApi.Tokens(Access, Refresh);

        await RunAsync(Flow());

        var poll = _api.Polls.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_api.DeviceCodeForm, Is.EqualTo(new Dictionary<string, string> { ["client_id"] = ClientId, ["scope"] = "spark:people_read" }));
            Assert.That(poll.Authorization, Is.EqualTo("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}"))));
            Assert.That(poll.Form["grant_type"], Is.EqualTo("urn:ietf:params:oauth:grant-type:device_code"));
            Assert.That(poll.Form["device_code"], Is.EqualTo(DeviceCode));
        }
    }

    [Test]
    public async Task Authorize_Started_PrintsOneLineWithBothUrlsAndTheCodeButNeverTheDeviceCode()
    {
        _api.DeviceCodeAnswer = DeviceCodeAnswer(interval: 1, expiresIn: 300);
        _api.PollAnswer = _ => FakeOAuthApi.Tokens(Access, Refresh);

        await RunAsync(Flow());

        var lines = _prompt.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines, Has.Length.EqualTo(1));
            Assert.That(lines[0], Is.EqualTo(
                "To authorize, on any device open https://oauth-helper-r.wbx2.com/verify?userCode=6587b053 or open https://oauth-helper-r.wbx2.com/verify and enter the code 729703 (valid for 300 s)."));
            Assert.That(_redactor.Redact($"x {DeviceCode} y"), Is.EqualTo($"x {SecretRedactor.Mask} y"), "the device code is a secret");
            Assert.That(_redactor.Redact(_api.Polls[0].Authorization), Does.Not.Contain(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}"))));
        }
    }

    [Test]
    public async Task Authorize_NoCompleteUrl_PrintsPlainUrlAndCode()
    {
        _api.DeviceCodeAnswer = $$"""{"device_code":"{{DeviceCode}}","user_code":"{{UserCode}}","verification_uri":"https://oauth-helper-r.wbx2.com/verify","interval":1}""";
        _api.PollAnswer = _ => FakeOAuthApi.Tokens(Access, Refresh);

        await RunAsync(Flow());

        Assert.That(_prompt.ToString().TrimEnd(), Is.EqualTo("To authorize, on any device open https://oauth-helper-r.wbx2.com/verify and enter the code 729703."));
    }

    [TestCase("""{"user_code":"729703","verification_uri":"https://oauth-helper-r.wbx2.com/verify"}""")]
    [TestCase("""{"device_code":"DEVICECODE-SECRET-9c697e89-552c","user_code":"729703","verification_uri":"javascript:alert(1)"}""")]
    public async Task Authorize_IncompleteDeviceCodeAnswer_FailsWithoutPromptOrPoll(string answer)
    {
        _api.DeviceCodeAnswer = answer;

        var (error, _) = await RunAsync(Flow());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Is.TypeOf<WebexApiException>());
            Assert.That(error?.Message, Does.Contain("device_code, user_code and http(s) verification_uri"));
            Assert.That(_prompt.ToString(), Is.Empty);
            Assert.That(_api.Polls, Is.Empty);
        }
    }

    private static double[] Seconds(params double[] seconds) => seconds;

    private static string DeviceCodeAnswer(int? interval, int expiresIn = 900) =>
        $$"""
        {
          "device_code": "{{DeviceCode}}",
          "expires_in": {{expiresIn}},
          "user_code": "{{UserCode}}",
          "verification_uri": "https://oauth-helper-r.wbx2.com/verify",
          "verification_uri_complete": "https://oauth-helper-r.wbx2.com/verify?userCode=6587b053"
          {{(interval is { } seconds ? $", \"interval\": {seconds}" : "")}}
        }
        """;

    private DeviceAuthorizationFlow Flow(double authTimeoutSeconds = 600)
    {
        var config = new AssetConfig
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            Scope = "spark:people_read",
            AuthTimeout = TimeSpan.FromSeconds(authTimeoutSeconds),
            OAuthFlow = OAuthFlow.Device,
        };
        var tokenClient = new OAuthTokenClient(_api, config, _time, _redactor);
        var tokens = new OAuthTokenSource(new TokenStateStore(_stateDirectory, "device-test"), tokenClient, config, _time, _redactor);
        return new DeviceAuthorizationFlow(
            config, tokens, new DeviceGrantClient(_api, tokenClient, config, _redactor), _time, new AuthorizationPrompt(_prompt));
    }

    /// <summary>Runs the flow, moving the fake clock one second at a time; returns its failure (if any) and when it ended.</summary>
    private async Task<(Exception? Error, TimeSpan Ended)> RunAsync(DeviceAuthorizationFlow flow)
    {
        var start = _time.GetUtcNow();
        var run = flow.AuthorizeAsync(CancellationToken.None);
        while (!run.IsCompleted && _time.GetUtcNow() - start < MaxFakeTime)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.That(run.IsCompleted, Is.True, "the flow ended within the bound");
        try
        {
            await run;
            return (null, _time.GetUtcNow() - start);
        }
        catch (Exception e) when (e is AuthorizationFailedException or WebexApiException)
        {
            return (e, _time.GetUtcNow() - start);
        }
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;
using WebexConnector.Configuration;
using WebexConnector.Runs;

namespace WebexConnector.Tests.Runs;

/// <summary>
/// The per-action time limit stops while test connectivity waits for a person (issue 12 item 12: an
/// <c>auth_timeout_seconds</c> of 300 used to end at 126 s, cut by the action's limit).
/// </summary>
public class ActionDeadlineTests
{
    private const string Access = "ACCESS-deadline-SECRET-111111";
    private const string Refresh = "REFRESH-deadline-SECRET-222222";

    // timeout_seconds 30: the action limit is 10 × 30 s + 120 s = 420 s; the person takes 500 s.
    private static readonly TimeSpan PersonTakes = TimeSpan.FromSeconds(500);

    private string _stateDirectory = string.Empty;

    [SetUp]
    public void CreateStateDirectory() =>
        _stateDirectory = Directory.CreateTempSubdirectory("webex-connector-deadline-").FullName;

    [TearDown]
    public void DeleteStateDirectory() => Directory.Delete(_stateDirectory, recursive: true);

    [TearDown]
    public void LeaveDeadline() => ActionDeadline.Enter(null);

    [Test]
    public void WaitForPerson_ClockStopsDuringTheWaitAndGoesOnAfterIt()
    {
        var time = new FakeTimeProvider();
        using var deadline = new ActionDeadline(TimeSpan.FromSeconds(10), time);
        ActionDeadline.Enter(deadline);

        time.Advance(TimeSpan.FromSeconds(4));
        using (ActionDeadline.WaitForPerson())
        {
            time.Advance(TimeSpan.FromHours(1));
            Assert.That(deadline.Token.IsCancellationRequested, Is.False, "a person's wait does not count");
        }

        time.Advance(TimeSpan.FromSeconds(5.9));
        Assert.That(deadline.Token.IsCancellationRequested, Is.False, "4 s + 5.9 s of work");
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.That(deadline.Token.IsCancellationRequested, Is.True, "10 s of work");
    }

    [Test]
    public void WaitForPerson_NoActionRunning_DoesNothing()
    {
        ActionDeadline.Enter(null);

        Assert.DoesNotThrow(() => ActionDeadline.WaitForPerson().Dispose());
    }

    [Test]
    public async Task TestConnectivity_DevicePersonTakesLongerThanActionLimit_PassesWithinAuthTimeout()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        using var harness = new ConnectorHarness(stateDirectory: _stateDirectory, time: time);
        harness.When(HttpMethod.Post, ConnectorHarness.BaseUrl + "/device/authorize").Respond(
            "application/json",
            """{"device_code":"DEVICECODE-deadline-SECRET","user_code":"123456","verification_uri":"https://oauth-helper-r.wbx2.com/verify","expires_in":1800,"interval":5}""");
        harness.When(HttpMethod.Post, ConnectorHarness.BaseUrl + "/device/token").Respond(_ => time.GetUtcNow() - start < PersonTakes
            ? ConnectorHarness.JsonResponse(HttpStatusCode.BadRequest, """{"error":"authorization_pending"}""")
            : ConnectorHarness.JsonResponse(HttpStatusCode.OK, TokenAnswer()));
        var me = harness.When(HttpMethod.Get, ConnectorHarness.BaseUrl + "/people/me").WithHeaders("Authorization", $"Bearer {Access}")
            .Respond("application/json", """{"id":"me"}""");
        var config = OAuthConfig("device");

        var result = await DriveAsync(time, harness.RunSingleAsync(ConnectorHarness.Run("test_connectivity", config)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ConnectorRunner.ActionTimeLimit(new AssetConfig { Timeout = TimeSpan.FromSeconds(30) }), Is.LessThan(PersonTakes));
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(harness.Http.GetMatchCount(me), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task TestConnectivity_BrowserPersonTakesLongerThanActionLimit_PassesWithinAuthTimeout()
    {
        var time = new FakeTimeProvider();
        using var prompt = new StringWriter();
        using var synchronizedPrompt = TextWriter.Synchronized(prompt);
        using var harness = new ConnectorHarness(stateDirectory: _stateDirectory, time: time, prompt: synchronizedPrompt);
        harness.When(HttpMethod.Post, ConnectorHarness.BaseUrl + "/access_token").Respond("application/json", TokenAnswer());
        var me = harness.When(HttpMethod.Get, ConnectorHarness.BaseUrl + "/people/me").WithHeaders("Authorization", $"Bearer {Access}")
            .Respond("application/json", """{"id":"me"}""");
        var redirectUri = $"http://127.0.0.1:{FreeLoopbackPort()}/result";
        var run = harness.RunSingleAsync(ConnectorHarness.Run("test_connectivity", OAuthConfig("browser", redirectUri)));

        var url = await WaitForPromptAsync(synchronizedPrompt, prompt);
        for (var waited = TimeSpan.Zero; waited < PersonTakes; waited += TimeSpan.FromSeconds(5))
        {
            time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(1);
        }

        var state = ConnectorHarness.Query(url)["state"];
        using (var browser = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(20) })
        {
            using var answer = await browser.GetAsync(new Uri($"{redirectUri}?code=AUTHCODE-deadline-SECRET&state={state}"));
        }

        var result = await run.WaitAsync(TimeSpan.FromSeconds(30));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(harness.Http.GetMatchCount(me), Is.EqualTo(1));
        }
    }

    private static string OAuthConfig(string flow, string? redirectUri = null)
    {
        var config = new JsonObject
        {
            ["client_id"] = "C0123deadlineclient",
            ["client_secret"] = "CLIENT-deadline-SECRET-3c4d5e",
            ["oauth_flow"] = flow,
            ["timeout_seconds"] = 30,
            ["auth_timeout_seconds"] = 900,
        };
        if (redirectUri is not null)
        {
            config["redirect_uri"] = redirectUri;
        }

        return config.ToJsonString();
    }

    private static string TokenAnswer() =>
        $$"""{"access_token":"{{Access}}","expires_in":1209599,"refresh_token":"{{Refresh}}","refresh_token_expires_in":7775999,"token_type":"Bearer"}""";

    /// <summary>Moves the fake clock 5 s at a time (giving the HTTP pipeline a moment of real time in between) until the run ends.</summary>
    private static async Task<T> DriveAsync<T>(FakeTimeProvider time, Task<T> run)
    {
        for (var step = 0; step < 1000 && !run.IsCompleted; step++)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(2);
        }

        Assert.That(run.IsCompleted, Is.True, "the run ended within the bound");
        return await run;
    }

    private static async Task<Uri> WaitForPromptAsync(TextWriter synchronizedPrompt, StringWriter prompt)
    {
        for (var i = 0; i < 1000; i++)
        {
            string text;
            lock (synchronizedPrompt)
            {
                text = prompt.ToString();
            }

            var line = text.Split(Environment.NewLine).FirstOrDefault(l => l.StartsWith(WebexConnector.Auth.AuthorizationPrompt.Prefix, StringComparison.Ordinal));
            if (line is not null)
            {
                return new Uri(line[WebexConnector.Auth.AuthorizationPrompt.Prefix.Length..]);
            }

            await Task.Delay(10);
        }

        throw new AssertionException("no authorize URL was printed within 10 s");
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}

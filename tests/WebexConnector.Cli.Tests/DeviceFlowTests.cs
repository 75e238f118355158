using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace WebexConnector.Cli.Tests;

/// <summary>
/// <c>oauth_flow: device</c> end-to-end (README "OAuth device grant"): the fake server plays Webex's device grant with small
/// <c>interval</c> and <c>expires_in</c> values, so each test takes about a second or two. The exact timing (interval,
/// slow_down's extra 5 s, expiry, auth_timeout_seconds) is proven on a fake clock in the unit tests
/// (DeviceAuthorizationFlowTests).
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class DeviceFlowTests : OAuthTestBase
{
    private const string DevicePrefix = "To authorize, on any device open ";

    private FakeDeviceEndpoint? _device;

    private FakeDeviceEndpoint Device => _device ?? throw new InvalidOperationException("SetUp did not run.");

    /// <summary>Polling intervals, slow_down and expiry run on a virtual clock: exact, and no real waiting.</summary>
    [SetUp]
    public void StartDeviceEndpoint()
    {
        UseVirtualTime();
        _device = new FakeDeviceEndpoint(Server, Tokens, ClientId, ClientSecret, Cli.RegisterSecret);
    }

    [TestCase(DevicePollAnswer.Pending400, TestName = "TestConnectivity_DevicePending400ThenApproved_PollsWithBasicAuthStoresPairAndPasses")]
    [TestCase(DevicePollAnswer.Pending428, TestName = "TestConnectivity_DevicePending428ThenApproved_PollsWithBasicAuthStoresPairAndPasses")]
    public async Task TestConnectivity_DevicePendingThenApproved_PollsWithBasicAuthStoresPairAndPasses(DevicePollAnswer pending)
    {
        Device.Script(pending);
        var asset = WriteAsset(DeviceAsset());

        var result = await Cli.RunAsync("test-connectivity", "--asset", asset);

        AssertSucceeded(result);
        Assert.That(Str(result.ActionResult()["message"]), Is.EqualTo("Test Connectivity Passed"));

        // One line a person can act on from any device; no browser prompt.
        var lines = result.Stderr.Split('\n').Where(l => l.StartsWith(DevicePrefix, StringComparison.Ordinal)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines, Has.Count.EqualTo(1), result.Describe);
            Assert.That(lines.FirstOrDefault(), Does.Contain(FakeDeviceEndpoint.VerificationUriComplete)
                .And.Contain($"open {FakeDeviceEndpoint.VerificationUri} and enter the code {FakeDeviceEndpoint.UserCode}"));
            AssertNoBrowserPrompt(result);
        }

        // The requests: authorize with client_id and scope, then polls with Basic client credentials and the device code.
        var authorize = Server.RequestsTo("POST", FakeDeviceEndpoint.AuthorizePath);
        var polls = Server.RequestsTo("POST", FakeDeviceEndpoint.TokenPath);
        Assert.That(authorize, Has.Count.EqualTo(1), Server.DescribeRequests);
        Assert.That(polls, Has.Count.EqualTo(2), Server.DescribeRequests);
        var authorizeForm = QueryHelpers.ParseQuery(authorize[0].Body);
        var pollForm = QueryHelpers.ParseQuery(polls[1].Body);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(authorizeForm["client_id"].ToString(), Is.EqualTo(ClientId));
            Assert.That(authorizeForm["scope"].ToString(), Is.EqualTo(DefaultScope));
            Assert.That(polls[1].Header("Authorization") == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}")), Is.True, "HTTP Basic client_id:client_secret");
            Assert.That(pollForm["grant_type"].ToString(), Is.EqualTo("urn:ietf:params:oauth:grant-type:device_code"));
            Assert.That(pollForm["device_code"].ToString() == Device.DeviceCode, Is.True, "the device code is polled");
            Assert.That(polls[1].ReceivedAt - polls[0].ReceivedAt, Is.InRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5)), "interval 1 s between polls");
        }

        // Stored like the browser flow's pair: people/me used it, and the next action uses it without any authorization.
        var issued = Tokens.Latest;
        Assert.That(Server.RequestsTo("GET", "/v1/people/me").Single().Header("Authorization") == $"Bearer {issued.AccessToken}", Is.True);
        Assert.That(File.ReadAllText(StateFile()).Contains(issued.RefreshToken, StringComparison.Ordinal), Is.True, "the pair is in the state file");
        var rooms = await Cli.RunAsync("list-rooms", "--asset", asset);
        AssertSucceeded(rooms);
        Assert.That(Server.RequestsTo("POST", FakeDeviceEndpoint.AuthorizePath), Has.Count.EqualTo(1), "no new authorization");
    }

    /// <summary>slow_down adds 5 s to the interval (RFC 8628), and the flow goes on to success.</summary>
    [Test]
    public async Task TestConnectivity_DeviceSlowDownThenApproved_ContinuesAndPasses()
    {
        Device.Script(DevicePollAnswer.Pending400, DevicePollAnswer.SlowDown);

        var result = await Cli.RunAsync(["test-connectivity", "--asset", WriteAsset(DeviceAsset())]);

        AssertSucceeded(result);
        var polls = Server.RequestsTo("POST", FakeDeviceEndpoint.TokenPath);
        Assert.That(polls, Has.Count.EqualTo(3), Server.DescribeRequests);
        Assert.That(polls[2].ReceivedAt - polls[1].ReceivedAt, Is.InRange(TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(6.5)), "1 s + 5 s after slow_down");
    }

    [Test]
    public async Task TestConnectivity_DevicePersonDenies_FailsSayingDeclinedAndStoresNothing()
    {
        Device.Script(DevicePollAnswer.Pending400);
        Device.Decision = DeviceDecision.Deny;

        var result = await Cli.RunAsync("test-connectivity", "--asset", WriteAsset(DeviceAsset()));

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.StartWith("Test Connectivity Failed.").And.Contain("declined").And.Contain("access_denied"));
            Assert.That(Server.RequestsTo("POST", FakeDeviceEndpoint.TokenPath), Has.Count.EqualTo(2), "no poll after the refusal");
            Assert.That(Server.RequestsTo("/v1/people/me"), Is.Empty);
            Assert.That(File.Exists(StateFile()), Is.False, "no pair stored");
        }
    }

    [Test]
    public async Task TestConnectivity_DeviceCodeExpires_FailsWhenItExpiresSayingSo()
    {
        Device.Decision = DeviceDecision.None;
        Device.ExpiresInSeconds = 2;
        var started = DateTimeOffset.UtcNow;

        var result = await Cli.RunAsync("test-connectivity", "--asset", WriteAsset(DeviceAsset(authTimeoutSeconds: 30)));

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.Contain($"The code {FakeDeviceEndpoint.UserCode} expired after 2 s before anyone authorized it"));
            AssertTellsToRunTestConnectivity(message);
            Assert.That(DateTimeOffset.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(20)), "bounded by expires_in, not auth_timeout_seconds");
            Assert.That(File.Exists(StateFile()), Is.False);
        }
    }

    [Test]
    public async Task TestConnectivity_WebexSaysDeviceCodeExpired_FailsSayingSo()
    {
        Device.Script(DevicePollAnswer.Expired);

        var result = await Cli.RunAsync("test-connectivity", "--asset", WriteAsset(DeviceAsset()));

        var message = AssertActionFailed(result);
        Assert.That(message, Does.Contain("expired").And.Contain("Run test connectivity again for a new code"));
        Assert.That(Server.RequestsTo("POST", FakeDeviceEndpoint.TokenPath), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task TestConnectivity_NobodyAuthorizesWithinAuthTimeout_FailsSayingSo()
    {
        Device.Decision = DeviceDecision.None;
        Device.ExpiresInSeconds = 600;

        var result = await Cli.RunAsync("test-connectivity", "--asset", WriteAsset(DeviceAsset(authTimeoutSeconds: 2)));

        var message = AssertActionFailed(result);
        Assert.That(message, Does.Contain("No authorization arrived within 2 s (auth_timeout_seconds)"));
        Assert.That(File.Exists(StateFile()), Is.False);
    }

    [Test]
    public async Task TestConnectivity_DeviceAuthorizeRefused_FailsWithWebexTextAndTrackingIdWithoutPoll()
    {
        var asset = DeviceAsset();
        asset["client_id"] = "C0-not-registered";

        var result = await Cli.RunAsync("test-connectivity", "--asset", WriteAsset(asset));

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Is.EqualTo("Test Connectivity Failed. Status code: 400. Details: The request could not be understood by the server due to malformed syntax (Client Id is invalid). Tracking ID: ROUTER_DEVICE_AUTHORIZE"));
            Assert.That(result.Stderr, Does.Not.Contain(DevicePrefix));
            Assert.That(Server.RequestsTo("POST", FakeDeviceEndpoint.TokenPath), Is.Empty);
        }
    }

    [Test]
    public async Task ListRooms_DeviceAssetWithoutPair_FailsTellingToRunTestConnectivityWithoutAuthorization()
    {
        var result = await Cli.RunAsync("list-rooms", "--asset", WriteAsset(DeviceAsset()));

        var message = AssertActionFailed(result);
        AssertTellsToRunTestConnectivity(message);
        Assert.That(result.Stderr, Does.Not.Contain(DevicePrefix));
        AssertNoRequests();
    }

    [TestCase("telepathy")]
    [TestCase("Device")]
    public async Task TestConnectivity_UnknownOAuthFlow_ExitsTwoNamingTheKey(string flow)
    {
        var asset = DeviceAsset();
        asset["oauth_flow"] = flow;

        var result = await Cli.RunAsync("test-connectivity", "--asset", WriteAsset(asset));

        Assert.That(AssertUnusableInvocation(result), Does.Contain("oauth_flow"));
        AssertNoRequests();
    }

    private JsonObject DeviceAsset(double authTimeoutSeconds = 30)
    {
        var config = OAuthConfig();
        config["oauth_flow"] = "device";
        config["auth_timeout_seconds"] = authTimeoutSeconds;
        return config;
    }
}

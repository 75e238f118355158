using System.Net;
using System.Text.Json.Nodes;
using RichardSzalay.MockHttp;

namespace WebexConnector.Tests.Actions;

public class TestConnectivityActionTests
{
    [Test]
    public async Task Execute_TokenAccepted_SendsBearerPatToPeopleMeAndPasses()
    {
        using var harness = new ConnectorHarness();
        var me = harness.Expect(HttpMethod.Get, $"{ConnectorHarness.BaseUrl}/people/me")
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond("application/json", Fixture.Text(Fixture.PersonMe));

        var result = await harness.RunOneAsync("test_connectivity");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(result.Message, Is.EqualTo("Test Connectivity Passed"));
            Assert.That(result.Data, Is.Empty);
            Assert.That(harness.Http.GetMatchCount(me), Is.EqualTo(1));
            Assert.That(harness.RequestCount, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Execute_Unauthorized_FailsNamingStatusWebexTextAndTrackingId()
    {
        using var harness = new ConnectorHarness();
        var me = harness.When(HttpMethod.Get, $"{ConnectorHarness.BaseUrl}/people/me")
            .Respond(HttpStatusCode.Unauthorized, "application/json", Fixture.Text(Fixture.Error401));

        var result = await harness.RunOneAsync("test_connectivity");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Is.EqualTo(
                "Test Connectivity Failed. Status code: 401. Details: The request requires a valid access token set in the Authorization request header. " +
                "Tracking ID: ROUTER_62F66055-8D70-01BB-0137-AC10A8310137"));
            Assert.That(harness.Http.GetMatchCount(me), Is.EqualTo(1), "a PAT cannot be refreshed, so the call is not repeated");
        }
    }

    [Test]
    public async Task Execute_WebexUnreachable_SaysWebexCouldNotBeReached()
    {
        using var harness = new ConnectorHarness(timeScale: 50);
        var me = harness.When(HttpMethod.Get, $"{ConnectorHarness.BaseUrl}/people/me")
            .Throw(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (webexapis.com:443)"));

        var result = await harness.RunOneAsync("test_connectivity");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Message, Is.EqualTo("Test Connectivity Failed. Could not connect to Webex (Connection refused (webexapis.com:443))."));
            Assert.That(harness.Http.GetMatchCount(me), Is.GreaterThan(1), "a GET is retried after a connection failure");
        }
    }

    [Test]
    public async Task Execute_WebexDoesNotAnswerWithinTimeout_SaysWebexDidNotAnswerInTime()
    {
        using var harness = new ConnectorHarness(timeScale: 10);
        using var hanging = new HangingHandler();
        harness.When(HttpMethod.Get, $"{ConnectorHarness.BaseUrl}/people/me").Respond(hanging);
        var config = new JsonObject { ["authorization_key"] = ConnectorHarness.Pat, ["timeout_seconds"] = 0.3 }.ToJsonString();

        var result = await harness.RunAsync(ConnectorHarness.Run("test_connectivity", config));

        Assert.That(result.Results.Single().Message, Does.StartWith("Test Connectivity Failed. Webex did not answer"));
    }

    [Test]
    public async Task Execute_HeadersArriveButBodyStalls_TimesOutPerAttemptAndRetriesGet()
    {
        using var harness = new ConnectorHarness(timeScale: 10);
        var me = harness.When(HttpMethod.Get, $"{ConnectorHarness.BaseUrl}/people/me")
            .Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new StallingStream()) });
        var config = new JsonObject { ["authorization_key"] = ConnectorHarness.Pat, ["timeout_seconds"] = 0.3 }.ToJsonString();

        var result = await harness.RunAsync(ConnectorHarness.Run("test_connectivity", config));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Results.Single().Message, Does.StartWith("Test Connectivity Failed. Webex did not answer within 0.3 s"));
            Assert.That(harness.Http.GetMatchCount(me), Is.EqualTo(4), "timeout_seconds bounds the body too, and a GET is retried three times");
        }
    }

    /// <summary>A body that never delivers a byte until it is cancelled.</summary>
    private sealed class StallingStream : MemoryStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    [Test]
    public async Task Execute_LoopbackHttpBaseUrlWithTrailingSlash_CallsPeopleMeUnderBasePath()
    {
        using var harness = new ConnectorHarness();
        var me = harness.Expect(HttpMethod.Get, "http://127.0.0.1:8080/v1/people/me")
            .Respond("application/json", Fixture.Text(Fixture.PersonMe));
        var config = new JsonObject { ["authorization_key"] = ConnectorHarness.Pat, ["base_url"] = "http://127.0.0.1:8080/v1/" }.ToJsonString();

        var result = await harness.RunAsync(ConnectorHarness.Run("test_connectivity", config));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), result.Message + " / " + string.Join(" | ", result.Results.Select(r => r.Message)));
            Assert.That(harness.Http.GetMatchCount(me), Is.EqualTo(1));
        }
    }

    /// <summary>Answers only after 20 s (or when cancelled), like a server that does not respond.</summary>
    private sealed class HangingHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(TimeSpan.FromSeconds(20), cancellationToken);
            return ConnectorHarness.JsonResponse(HttpStatusCode.OK, Fixture.Text(Fixture.PersonMe));
        }
    }
}

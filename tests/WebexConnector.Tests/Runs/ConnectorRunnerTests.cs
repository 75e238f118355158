using System.Net;
using System.Text.Json.Nodes;
using RichardSzalay.MockHttp;
using WebexConnector.Results;
using WebexConnector.Runs;
using WebexConnector.Security;

namespace WebexConnector.Tests.Runs;

public class ConnectorRunnerTests
{
    private const string PeopleUrl = ConnectorHarness.BaseUrl + "/people";
    private const string MeUrl = ConnectorHarness.BaseUrl + "/people/me";

    private static readonly string[] SuccessFailedSuccess = ["success", "failed", "success"];
    private static readonly string[] FailedSuccess = ["failed", "success"];
    private static readonly string[] GivenEmails = ["john.andersen@example.com", "not an address", "nobody@example.com"];

    [Test]
    public async Task Run_UnknownIdentifier_IsInvalidInvocationNamingIt()
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunAsync(ConnectorHarness.Run("delete_everything"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Outcome, Is.EqualTo(ConnectorRunStatus.InvalidInvocation));
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.Contain("delete_everything"));
            Assert.That(result.Identifier, Is.EqualTo("delete_everything"));
            Assert.That(result.Results, Is.Empty);
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    [Test]
    public async Task Run_CancelledBeforeEntriesStart_FailsEachWithoutSendingOrDoubt()
    {
        using var harness = new ConnectorHarness();
        var post = harness.When(HttpMethod.Post, ConnectorHarness.BaseUrl + "/messages").Respond("application/json", "{}");
        const string Entry = """{"endpoint_id": "room-1", "destination_type": "room", "message": "hello"}""";
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var result = await harness.Runner.RunAsync(ConnectorHarness.Run("send_message", parameters: [Entry, Entry]), cancelled.Token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Outcome, Is.EqualTo(ConnectorRunStatus.ActionFailed));
            Assert.That(result.Results.Select(r => r.Message), Has.All.EqualTo("Error sending message. The action was cancelled before it started."));
            Assert.That(harness.Http.GetMatchCount(post), Is.Zero);
        }
    }

    [TestCase("../x")]
    [TestCase("/")]
    [TestCase("")]
    [TestCase("a b")]
    public async Task Run_InvalidAssetId_IsInvalidInvocationWithoutRequest(string assetId)
    {
        using var harness = new ConnectorHarness();
        harness.When(HttpMethod.Get, MeUrl).Respond("application/json", Fixture.Text(Fixture.PersonMe));

        var result = await harness.RunAsync(ConnectorHarness.Run("test_connectivity", assetId: assetId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Outcome, Is.EqualTo(ConnectorRunStatus.InvalidInvocation));
            Assert.That(result.Message, Does.Contain("asset_id"));
            Assert.That(result.Results, Is.Empty);
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    [TestCase("{}", "authorization_key", TestName = "Run_ConfigWithoutCredentials_IsInvalidInvocationWithoutRequest")]
    [TestCase("""{"authorization_kye": "PAT-unit-SECRET-4b7e1d9c"}""", "authorization_kye", TestName = "Run_ConfigWithMisspeltKey_IsInvalidInvocationWithoutRequest")]
    [TestCase("""{"authorization_key": "PAT-unit-SECRET-4b7e1d9c", "base_url": "http://example.com/v1"}""", "base_url", TestName = "Run_ConfigWithCleartextBaseUrl_IsInvalidInvocationWithoutRequest")]
    public async Task Run_InvalidConfig_IsInvalidInvocationWithoutRequest(string config, string named)
    {
        using var harness = new ConnectorHarness();
        harness.When(HttpMethod.Get, MeUrl).Respond("application/json", Fixture.Text(Fixture.PersonMe));

        var result = await harness.RunAsync(ConnectorHarness.Run("test_connectivity", config));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Outcome, Is.EqualTo(ConnectorRunStatus.InvalidInvocation));
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.Contain(named));
            Assert.That(result.Message, Does.Not.Contain(ConnectorHarness.Pat));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    [Test]
    public async Task Run_InvalidConfig_StillTeachesRedactorTheSecrets()
    {
        using var harness = new ConnectorHarness();
        var config = new JsonObject { ["authorization_key"] = ConnectorHarness.Pat, ["client_secret"] = "CLIENT-unit-SECRET-77", ["bogus"] = 1 };

        await harness.RunAsync(ConnectorHarness.Run("list_rooms", config.ToJsonString()));

        Assert.That(harness.Redactor.Redact($"{ConnectorHarness.Pat} CLIENT-unit-SECRET-77"), Is.EqualTo($"{SecretRedactor.Mask} {SecretRedactor.Mask}"));
    }

    [Test]
    public async Task Run_ValidConfig_TeachesRedactorThePat()
    {
        using var harness = new ConnectorHarness();
        harness.When(HttpMethod.Get, MeUrl).Respond("application/json", Fixture.Text(Fixture.PersonMe));

        await harness.RunAsync("test_connectivity");

        Assert.That(harness.Redactor.Redact($"Bearer {ConnectorHarness.Pat}"), Is.EqualTo($"Bearer {SecretRedactor.Mask}"));
    }

    [Test]
    public async Task Run_SeveralEntries_GivesOneResultPerEntryInOrder()
    {
        using var harness = new ConnectorHarness();
        harness.When(HttpMethod.Get, PeopleUrl).WithQueryString("email", "john.andersen@example.com")
            .Respond("application/json", Fixture.Text(Fixture.PeopleByEmail));
        harness.When(HttpMethod.Get, PeopleUrl).WithQueryString("email", "nobody@example.com")
            .Respond("application/json", Fixture.Text(Fixture.PeopleNotFound));

        var result = await harness.RunAsync("get_user",
            """{"email_address": "john.andersen@example.com"}""",
            """{"email_address": "not an address"}""",
            """{"email_address": "nobody@example.com", "context": {"guid": "g"}}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Results.Select(r => r.Status), Is.EqualTo(SuccessFailedSuccess));
            Assert.That(result.Results.Select(r => r.Parameter["email_address"]?.GetValue<string>()),
                Is.EqualTo(GivenEmails));
            Assert.That(result.Results[0].Summary["found_user"]?.GetValue<bool>(), Is.True);
            Assert.That(result.Results[2].Summary["found_user"]?.GetValue<bool>(), Is.False);
            Assert.That(result.Results[2].Parameter.ContainsKey("context"), Is.False);
            Assert.That(result.Outcome, Is.EqualTo(ConnectorRunStatus.ActionFailed));
            Assert.That(result.Message, Is.EqualTo("1 of 3 actions failed"));
            Assert.That(harness.RequestCount, Is.EqualTo(2));
        }
    }

    [Test]
    public async Task Run_EmptyParameterList_RunsOnce()
    {
        using var harness = new ConnectorHarness();
        var me = harness.When(HttpMethod.Get, MeUrl).Respond("application/json", Fixture.Text(Fixture.PersonMe));

        var result = await harness.RunAsync(ConnectorHarness.Run("test_connectivity"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Results, Has.Count.EqualTo(1));
            Assert.That(result.Results[0].Parameter, Is.Empty);
            Assert.That(harness.Http.GetMatchCount(me), Is.EqualTo(1));
            Assert.That(result.Outcome, Is.EqualTo(ConnectorRunStatus.Succeeded));
        }
    }

    [Test]
    public async Task Run_OneSuccessfulResult_SaysOneActionSucceeded()
    {
        using var harness = new ConnectorHarness();
        harness.When(HttpMethod.Get, MeUrl).Respond("application/json", Fixture.Text(Fixture.PersonMe));

        var result = await harness.RunAsync("test_connectivity");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"));
            Assert.That(result.Message, Is.EqualTo("1 action succeeded"));
            Assert.That(result.SuccessfulCount, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Run_OneOfTwoFailed_SaysOneOfTwoActionsFailed()
    {
        using var harness = new ConnectorHarness();
        harness.When(HttpMethod.Get, PeopleUrl).Respond("application/json", Fixture.Text(Fixture.PeopleByEmail));

        var result = await harness.RunAsync("get_user", """{"email_address": "john.andersen@example.com"}""", "{}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Is.EqualTo("1 of 2 actions failed"));
            Assert.That(result.Outcome, Is.EqualTo(ConnectorRunStatus.ActionFailed));
        }
    }

    [Test]
    public async Task Run_TwoSucceeded_SaysTwoActionsSucceeded()
    {
        using var harness = new ConnectorHarness();
        harness.When(HttpMethod.Get, PeopleUrl).Respond("application/json", Fixture.Text(Fixture.PeopleByEmail));

        var result = await harness.RunAsync("get_user", """{"email_address": "a.b@example.com"}""", """{"email_address": "c.d@example.com"}""");

        Assert.That(result.Message, Is.EqualTo("2 actions succeeded"));
    }

    [Test]
    public async Task Run_OnlyResultFailed_SaysOneActionFailed()
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunAsync("get_user", "{}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Message, Is.EqualTo("1 action failed"));
            Assert.That(result.Outcome, Is.EqualTo(ConnectorRunStatus.ActionFailed));
        }
    }

    [Test]
    public async Task Run_MissingAction_IsFilledWithDisplayName()
    {
        using var harness = new ConnectorHarness();
        harness.When(HttpMethod.Get, ConnectorHarness.BaseUrl + "/rooms").Respond("application/json", Fixture.Text(Fixture.RoomsEmpty));

        var result = await harness.RunAsync(ConnectorHarness.Run("list_rooms", action: null, assetId: "webex-prod"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Action, Is.EqualTo("list rooms"));
            Assert.That(result.Identifier, Is.EqualTo("list_rooms"));
            Assert.That(result.AssetId, Is.EqualTo("webex-prod"));
        }
    }

    [Test]
    public async Task Run_MissingActionAndInvalidConfig_IsStillFilledWithDisplayName()
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunAsync(ConnectorHarness.Run("get_user", "{}"));

        Assert.That(result.Action, Is.EqualTo("get user"));
    }

    [Test]
    public async Task Run_GivenAction_IsEchoed()
    {
        using var harness = new ConnectorHarness();
        harness.When(HttpMethod.Get, MeUrl).Respond("application/json", Fixture.Text(Fixture.PersonMe));

        var result = await harness.RunAsync(ConnectorHarness.Run("test_connectivity", action: "check the asset"));

        Assert.That(result.Action, Is.EqualTo("check the asset"));
    }

    [Test]
    public async Task Run_CancelledByCaller_FailsResultInsteadOfThrowing()
    {
        using var harness = new ConnectorHarness();
        harness.When(HttpMethod.Get, MeUrl).Respond("application/json", Fixture.Text(Fixture.PersonMe));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var result = await harness.Runner.RunAsync(ConnectorHarness.Run("test_connectivity"), cancelled.Token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Results.Single().Status, Is.EqualTo("failed"));
            Assert.That(result.Results.Single().Message, Does.StartWith("Test Connectivity Failed.").And.Contain("cancel"));
        }
    }

    [Test]
    public async Task Run_WebexErrorInOneEntry_DoesNotStopTheOthers()
    {
        using var harness = new ConnectorHarness();
        harness.Expect(HttpMethod.Post, ConnectorHarness.BaseUrl + "/messages")
            .Respond(HttpStatusCode.NotFound, "application/json", Fixture.Text(Fixture.Error404));
        harness.Expect(HttpMethod.Post, ConnectorHarness.BaseUrl + "/messages")
            .Respond("application/json", Fixture.Text(Fixture.MessageCreated));

        var result = await harness.RunAsync("send_message",
            """{"endpoint_id": "unknown-room", "destination_type": "room", "message": "one"}""",
            """{"endpoint_id": "known-room", "destination_type": "room", "message": "two"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Results.Select(r => r.Status), Is.EqualTo(FailedSuccess));
            Assert.That(result.Results[0].Message, Does.Contain("Tracking ID: ROUTER_ABC"));
            Assert.That(result.Results[1].Message, Is.EqualTo("Message sent successfully"));
        }
    }
}

using System.Text.Json.Nodes;
using WebexConnector.Actions;
using WebexConnector.Tests.TestSupport;

namespace WebexConnector.Cli.Tests;

/// <summary>
/// The behaviours every action owes its callers, run through the CLI for every action of <see cref="ActionCatalog.All"/>
/// and driven by each definition's fields: a missing required parameter sends nothing, a 403 names the scopes, a 404
/// gives status, Webex's message and tracking id, a changing request is never re-sent after an uncertain answer, a
/// read is retried. A new action is covered here without a line of test code; its own test file keeps only what is
/// specific to it.
/// </summary>
public sealed class ActionContractTests : CliTestBase
{
    private const string TrackingId = "ROUTER_CONTRACT_0001";

    public static IEnumerable<TestCaseData> Actions() =>
        ActionCatalog.All.Select(action => new TestCaseData(action.Identifier).SetArgDisplayNames(action.Identifier));

    public static IEnumerable<TestCaseData> ChangingActions() =>
        ActionCatalog.All.Where(action => !action.ReadOnly).Select(action => new TestCaseData(action.Identifier).SetArgDisplayNames(action.Identifier));

    public static IEnumerable<TestCaseData> ReadOnlyActions() =>
        ActionCatalog.All.Where(action => action.ReadOnly).Select(action => new TestCaseData(action.Identifier).SetArgDisplayNames(action.Identifier));

    /// <summary>Every required parameter, and every choice of which exactly one must be given, of every action.</summary>
    public static IEnumerable<TestCaseData> RequiredParameters() =>
        SampleParameters.Required().Select(required =>
            new TestCaseData(required.Action.Identifier, required.Names).SetArgDisplayNames(required.Action.Identifier, string.Join("|", required.Names)));

    [SetUp]
    public void UseVirtualClock() => UseVirtualTime();

    [TestCaseSource(nameof(RequiredParameters))]
    public async Task Run_RequiredParameterMissing_FailsNamingItWithoutARequest(string identifier, string[] missing)
    {
        var action = ActionCatalog.Find(identifier)!;
        var entry = ValidParameters(action);
        foreach (var name in missing)
        {
            entry.Remove(name);
        }

        var message = AssertActionFailed(await RunDocumentAsync(RunDocument(identifier, entry)));

        Assert.That(message, Does.Contain(missing[0]));
        AssertNoRequests();
    }

    [TestCaseSource(nameof(Actions))]
    public async Task Run_Webex403_FailsWithStatusTrackingIdAndTheScopesTheActionNeeds(string identifier)
    {
        var action = ActionCatalog.Find(identifier)!;
        Server.RefuseEveryRequest(403, "Access denied.", TrackingId);

        var message = AssertActionFailed(await RunDocumentAsync(RunDocument(identifier, ValidParameters(action))));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.StartWith(action.FailureMessagePrefix));
            Assert.That(message, Does.Contain("403").And.Contain(TrackingId).And.Contain("Access denied."));
            foreach (var scope in action.RequiredScopes)
            {
                Assert.That(message, Does.Contain(scope), "a 403 names the scopes, which Webex's answer does not");
            }
        }
    }

    [TestCaseSource(nameof(Actions))]
    public async Task Run_Webex404_FailsWithStatusWebexMessageAndTrackingId(string identifier)
    {
        var action = ActionCatalog.Find(identifier)!;
        Server.RefuseEveryRequest(404, "The requested resource could not be found.", TrackingId);

        var message = AssertActionFailed(await RunDocumentAsync(RunDocument(identifier, ValidParameters(action))));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.StartWith(action.FailureMessagePrefix));
            Assert.That(message, Does.Contain("Status code: 404").And.Contain(TrackingId).And.Contain("could not be found"));
            if (action.UncertainOutcomeNote is { } note)
            {
                Assert.That(message, Does.Not.Contain(note), "a 404 is a clear no: nothing changed");
            }
        }
    }

    [TestCaseSource(nameof(ChangingActions))]
    public async Task Run_ChangingRequestAnswered503_SentOnceAndSaysTheOutcomeIsUncertain(string identifier)
    {
        var action = ActionCatalog.Find(identifier)!;
        Server.RefuseEveryRequest(503, "Service unavailable.", TrackingId, request => request.Method != "GET");

        var message = AssertActionFailed(await RunDocumentAsync(RunDocument(identifier, ValidParameters(action))));

        var changing = Server.Requests.Where(r => r.Method != "GET").ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(action.UncertainOutcomeNote, Is.Not.Null.And.Not.Empty, "an action that changes Webex says what a failure may mean");
            Assert.That(changing, Has.Count.EqualTo(1), () => "a changing request is never re-sent after a 5xx: " + Server.DescribeRequests());
            Assert.That(message, Does.Contain("503").And.Contain(TrackingId).And.Contain(action.UncertainOutcomeNote ?? "(none)"));
        }
    }

    [TestCaseSource(nameof(ReadOnlyActions))]
    public async Task Run_ReadAnswered503Once_IsRetried(string identifier)
    {
        var action = ActionCatalog.Find(identifier)!;
        var refused = 0;
        Server.RefuseEveryRequest(503, "Service unavailable.", TrackingId, _ => Interlocked.Increment(ref refused) == 1);

        await RunDocumentAsync(RunDocument(identifier, ValidParameters(action)));

        var requests = Server.Requests;
        Assert.That(requests, Has.Count.GreaterThanOrEqualTo(2), Server.DescribeRequests);
        Assert.That(requests[1].Path + requests[1].Query, Is.EqualTo(requests[0].Path + requests[0].Query), () => "the refused read is asked again: " + Server.DescribeRequests());
    }

    /// <summary>A parameter entry the action accepts; rooms and people the fake server knows where the action needs one.</summary>
    private JsonObject ValidParameters(ActionDefinition action) =>
        SampleParameters.For(action, parameter =>
            parameter.Contains.Contains("webex room id") ? Str(Server.AddRooms(1)[0]["id"])
            : parameter.Contains.Contains("webex person id") && parameter.AllowedValues is null ? Str(Server.Me["id"])
            : null);
}

using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>What an operator at a terminal sees: help, whole ids, as whom the asset acts, one exit-code rule, progress.</summary>
public sealed class OperatorViewTests : CliTestBase
{
    [Test]
    public async Task NoArguments_PrintsHelpListingTheCommands()
    {
        var result = await Cli.RunAsync();

        AssertExitCode(result, 0);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stdout, Does.Contain("Usage:").And.Contain("list-rooms").And.Contain("send-message").And.Contain("run"), result.Describe);
            Assert.That(result.Stdout.TrimStart(), Does.Not.StartWith("{"), "help, not a JSON error");
        }
    }

    [Test]
    public async Task ListRooms_TextOutput_ShowsIdsWhole()
    {
        var rooms = Server.AddRooms(2);

        var result = await Cli.RunAsync("list-rooms", "--asset", WriteAsset(), "--output", "text");

        AssertExitCode(result, 0);
        foreach (var room in rooms)
        {
            var id = Str(room["id"])!;
            Assert.That(id, Has.Length.GreaterThan(60), "a realistic Webex id is longer than a cut cell");
            Assert.That(result.Stdout, Does.Contain(id), "the id an operator copies is shown whole");
        }
    }

    [Test]
    public async Task TestConnectivity_Passes_SaysAsWhomInTheSummaryAndText()
    {
        var json = await Cli.RunAsync("test-connectivity", "--asset", WriteAsset());
        var text = await Cli.RunAsync("test-connectivity", "--asset", WriteAsset(), "--output", "text");

        AssertSucceeded(json);
        var summary = json.ActionResult()["summary"];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(json.ActionResult()["message"]), Is.EqualTo("Test Connectivity Passed"), "the message SOAR expects, unchanged");
            Assert.That(Str(summary?["display_name"]), Is.EqualTo(Str(Server.Me["displayName"])));
            Assert.That(Str(summary?["email"]), Is.EqualTo(Str(Server.Me["emails"]?[0])));
            Assert.That(text.Stdout, Does.Contain("display_name: \"Erin Operator\"").And.Contain("erin.operator@example.com"), text.Describe);
        }
    }

    /// <summary>The one rule: a parameter's fault fails the action result (exit 1), as in a run document.</summary>
    [TestCase("--markdown", "maybe", "markdown")]
    [TestCase("--files", "not-a-url", "files")]
    public async Task SendMessage_BadParameterValueOnTheCommandLine_FailsTheActionResultWithoutARequest(string option, string value, string parameter)
    {
        var result = await Cli.RunAsync("send-message", "--asset", WriteAsset(), "--endpoint-id", "Y2lzY29zcGFyazovL3VzL1JPT00vb3A", "--destination-type", "room", "--message", "hi", option, value);

        var message = AssertActionFailed(result);
        Assert.That(message, NamesParameter(parameter));
        AssertNoRequests();
    }

    [Test]
    public async Task SendMessage_MissingRequiredParameter_FailsTheActionResultLikeTheRunForm()
    {
        var result = await Cli.RunAsync("send-message", "--asset", WriteAsset(), "--endpoint-id", "Y2lzY29zcGFyazovL3VzL1JPT00vb3A", "--destination-type", "room");

        Assert.That(AssertActionFailed(result), NamesParameter("message"));
        AssertNoRequests();
    }

    [Test]
    public async Task ListRooms_MissingAssetOption_IsAnUnusableInvocation()
    {
        var result = await Cli.RunAsync("list-rooms");

        Assert.That(AssertUnusableInvocation(result), Does.Contain("--asset"));
        AssertNoRequests();
    }

    [Test]
    public async Task SendMessage_BareFlag_MeansTrue()
    {
        var result = await Cli.RunAsync("send-message", "--asset", WriteAsset(), "--endpoint-id", "Y2lzY29zcGFyazovL3VzL1JPT00vb3A", "--destination-type", "room", "--markdown", "--message", "**hi**");

        AssertSucceeded(result);
        var sent = JsonNode.Parse(Server.RequestsTo("POST", "/v1/messages").Single().Body);
        Assert.That(Str(sent?["markdown"]), Is.EqualTo("**hi**"));
    }

    [Test]
    public async Task ListRooms_LongListingWhileAPersonWatches_ReportsPagesOnStderr()
    {
        Server.AddRooms(2500);
        Cli.StderrIsTerminal = true;

        var result = await Cli.RunAsync("list-rooms", "--asset", WriteAsset());

        AssertSucceeded(result);
        Assert.That(result.Stderr, Does.Contain("webex-connector: listing: 2 pages, 2,000 items so far."), result.Describe);
    }

    [Test]
    public async Task ListRooms_LongListingIntoAFile_PrintsNoProgress()
    {
        Server.AddRooms(2500);

        var result = await Cli.RunAsync("list-rooms", "--asset", WriteAsset());

        AssertSucceeded(result);
        Assert.That(result.Stderr, Does.Not.Contain("listing:"), "progress only when a person watches stderr");
    }
}

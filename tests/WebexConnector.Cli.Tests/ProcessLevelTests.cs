using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>
/// What only a real process shows, for the executable as shipped (the published binary under CI): exit codes and
/// documents on the real stdout and stderr, and secrets kept off both with every log line on. The rest of the
/// end-to-end suite runs the CLI in-process.
/// </summary>
public sealed class ProcessLevelTests : CliTestBase
{
    [Test]
    public async Task ListRooms_Succeeds_ExitsZeroWithTheDocumentOnStdout()
    {
        Server.AddRooms(2);

        var result = await Cli.RunProcessAsync("list-rooms", "--asset", WriteAsset());

        AssertSucceeded(result);
        Assert.That((result.ActionResult()["data"] as JsonArray)?.Count, Is.EqualTo(2));
    }

    [Test]
    public async Task GetUser_WebexRefuses_ExitsOneWithAFailedResult()
    {
        Server.RefuseEveryRequest(404, "The requested resource could not be found.", "ROUTER_PROCESS_404");

        var result = await Cli.RunProcessAsync("get-user", "--asset", WriteAsset(), "--email-address", "nobody@example.com");

        Assert.That(AssertActionFailed(result), Does.Contain("ROUTER_PROCESS_404"));
    }

    [Test]
    public async Task Run_DocumentIsNotJson_ExitsTwoWithAFailedDocument()
    {
        var result = await Cli.RunProcessAsync(["run", "-"], stdin: "{ not json");

        Assert.That(AssertUnusableInvocation(result), Does.Contain("JSON"));
    }

    [Test]
    public async Task NoArguments_PrintsHelpAndExitsZero()
    {
        var result = await Cli.RunProcessAsync();

        AssertExitCode(result, 0);
        Assert.That(result.Stdout, Does.Contain("Usage:").And.Contain("list-rooms"));
    }

    [Test]
    public async Task SendMessage_EveryLogLevelOnAndWebexEchoesTheToken_NoSecretOnTheRealStreams()
    {
        // The fake quotes the Authorization header back in its error: the redactor must catch it on both streams.
        Server.RefuseEveryRequest(400, $"Bad request with Authorization: Bearer {Pat}", "ROUTER_PROCESS_ECHO");

        var result = await Cli.RunProcessAsync(
            ["send-message", "--asset", WriteAsset(), "--endpoint-id", "alice@example.com", "--destination-type", "email", "--message", "hi"],
            environment: new Dictionary<string, string?> { ["WEBEX_CONNECTOR_LOG_LEVEL"] = "Trace" });

        // RunProcessAsync has already checked that no registered secret (the PAT) reached stdout, stderr or a file.
        AssertActionFailed(result);
        Assert.That(result.Stderr, Does.Contain("dbug:").Or.Contain("info:"), "log lines were written, and checked");
    }
}

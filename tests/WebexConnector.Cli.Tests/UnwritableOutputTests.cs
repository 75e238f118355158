namespace WebexConnector.Cli.Tests;

/// <summary>
/// stdout that refuses the result (a full disk, a closed descriptor): one stderr line, exit code 74, no stack trace,
/// and for an action that changes Webex the note that it ran, so nobody simply runs it again.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class UnwritableOutputTests : CliTestBase
{
    private const int OutputFailed = 74;

    [TestCase("/dev/full", "No space left on device")]
    [TestCase("-", "Bad file descriptor")]
    public async Task SendMessage_StdoutRefusesTheResult_SaysTheMessageMayHaveBeenSentAndExits74(string stdout, string reason)
    {
        await using var process = Cli.StartWithStdout(stdout, [
            "send-message", "--asset", WriteAsset(), "--endpoint-id", "Y2lzY29zcGFyazovL3VzL1JPT00vdW53cml0YWJsZQ",
            "--destination-type", "room", "--message", "sent before the output failed"]);

        var result = await process.WaitForExitAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(OutputFailed), result.Describe);
            Assert.That(Server.RequestsTo("POST", "/v1/messages"), Has.Count.EqualTo(1), "the message was sent once");
            Assert.That(result.Stderr, Does.Contain($"could not write the result to standard output ({reason})")
                .And.Contain("'send_message' ran before that (1 of 1 succeeded)")
                .And.Contain("may or may not have been delivered"));
            Assert.That(result.Stderr.Trim().Split('\n'), Has.Length.EqualTo(1), "one line");
            Assert.That(result.Stderr, Does.Not.Contain("   at ").And.Not.Contain("Unhandled exception"));
        }
    }

    [TestCase("list-rooms")]
    [TestCase("actions")]
    [TestCase("--help")]
    public async Task ReadOnlyCommands_StdoutFull_OneLineAndExit74WithoutAChangeNote(string command)
    {
        string[] args = command == "list-rooms" ? [command, "--asset", WriteAsset()] : [command];
        await using var process = Cli.StartWithStdout("/dev/full", args);

        var result = await process.WaitForExitAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(OutputFailed), result.Describe);
            Assert.That(result.Stderr, Does.Contain("could not write the result to standard output").And.Not.Contain("ran before that"));
            Assert.That(result.Stderr, Does.Not.Contain("   at ").And.Not.Contain("Unhandled exception"));
        }
    }
}

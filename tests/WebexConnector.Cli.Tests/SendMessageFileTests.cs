using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>send_message with <c>file_path</c>: one local file as multipart/form-data, checked before anything is sent.</summary>
public sealed class SendMessageFileTests : CliTestBase
{
    private const string RoomId = "Y2lzY29zcGFyazovL3VzL1JPT00vZXZpZGVuY2U";

    private Task<CliResult> SendAsync(params string[] extra) =>
        Cli.RunAsync(["send-message", "--asset", WriteAsset(), "--endpoint-id", RoomId, "--destination-type", "room", "--message", "Evidence attached", .. extra]);

    [Test]
    public async Task SendMessage_FilePath_PostsTheFileAndTextAsMultipartOnce()
    {
        var path = Cli.WriteFile("ioc-list.txt", "198.51.100.7\nevil.example.com\n");

        var result = await SendAsync("--file-path", path);

        AssertSucceeded(result);
        var post = Server.RequestsTo("POST", "/v1/messages").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(post.Header("Content-Type"), Does.StartWith("multipart/form-data"));
            Assert.That(Server.UploadedFiles, Is.EqualTo(new[] { ("ioc-list.txt", "198.51.100.7\nevil.example.com\n") }));
            Assert.That(Str(Server.Messages.Single()["text"]), Is.EqualTo("Evidence attached"));
            Assert.That(Str(Server.Messages.Single()["roomId"]), Is.EqualTo(RoomId));
            Assert.That(Str(result.ActionResult()["data"]?[0]?["files"]?[0]), Does.EndWith("/contents/ioc-list.txt"));
            Assert.That(Str(result.ActionResult()["summary"]?["message"]), Is.EqualTo("Message sent successfully"));
        }
    }

    [Test]
    public async Task SendMessage_FileNameGiven_WebexShowsThatName()
    {
        var path = Cli.WriteFile("3f2a9c", "vault bytes");

        AssertSucceeded(await SendAsync("--file-path", path, "--file-name", "triage notes.txt"));

        Assert.That(Server.UploadedFiles.Single().FileName, Is.EqualTo("triage notes.txt"));
    }

    [Test]
    public async Task SendMessage_RateLimitedOnce_SendsTheSameFileAgainAndDeliversOnce()
    {
        UseVirtualTime();
        Server.EnqueueWebexError("/v1/messages", 429, "Too many requests.", "ROUTER_FILE_429", new Dictionary<string, string> { ["Retry-After"] = "2" }, method: "POST");
        var path = Cli.WriteFile("report.csv", "host,verdict\nws-17,compromised\n");

        var result = await SendAsync("--file-path", path);

        AssertSucceeded(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.RequestsTo("POST", "/v1/messages"), Has.Count.EqualTo(2), Server.DescribeRequests);
            Assert.That(Server.Messages, Has.Count.EqualTo(1));
            Assert.That(Server.UploadedFiles.Single().Content, Is.EqualTo("host,verdict\nws-17,compromised\n"), "the whole file, again");
        }
    }

    [Test]
    public async Task SendMessage_FileAnd503_PostsOnceAndSaysTheMessageMayHaveBeenDelivered()
    {
        Server.EnqueueWebexError("/v1/messages", 503, "Service unavailable.", "ROUTER_FILE_503", method: "POST");
        var path = Cli.WriteFile("report.csv", "x");

        var message = AssertActionFailed(await SendAsync("--file-path", path));

        Assert.That(message, Does.Contain("may or may not have been delivered"));
        Assert.That(Server.RequestsTo("POST", "/v1/messages"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task SendMessage_FileMissing_FailsWithoutRequest()
    {
        var message = AssertActionFailed(await SendAsync("--file-path", Path.Combine(Cli.WorkDir, "no-such-file.txt")));

        Assert.That(message, Does.Contain("file_path").And.Contain("no such file"));
        AssertNoRequests();
    }

    [Test]
    public async Task SendMessage_FilePathIsAFolder_FailsWithoutRequest()
    {
        var message = AssertActionFailed(await SendAsync("--file-path", Cli.WorkDir));

        Assert.That(message, Does.Contain("file_path").And.Contain("folder"));
        AssertNoRequests();
    }

    [Test]
    public async Task SendMessage_FileOver100MB_FailsWithoutRequest()
    {
        var path = Path.Combine(Cli.WorkDir, "disk.img");
        using (var sparse = File.Create(path))
        {
            sparse.SetLength(100_000_001);
        }

        var message = AssertActionFailed(await SendAsync("--file-path", path));

        Assert.That(message, Does.Contain("file_path").And.Contain("100 MB"));
        AssertNoRequests();
    }

    [Test]
    public async Task SendMessage_FileAndCard_FailsWithoutRequest()
    {
        var path = Cli.WriteFile("a.txt", "a");

        var message = AssertActionFailed(await SendAsync("--file-path", path, "--card", new JsonObject { ["type"] = "AdaptiveCard" }.ToJsonString()));

        Assert.That(message, Does.Contain("card").And.Contain("file_path"));
        AssertNoRequests();
    }

    [Test]
    public async Task SendMessage_VaultIdOutsideSoar_FailsPointingToFilePath()
    {
        var message = AssertActionFailed(await SendAsync("--vault-id", "da39a3ee5e6b4b0d3255bfef95601890afd80709"));

        Assert.That(message, Does.Contain("vault_id").And.Contain("file_path"));
        AssertNoRequests();
    }
}

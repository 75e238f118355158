using System.Text.Json.Nodes;
using NUnit.Framework.Constraints;

namespace WebexConnector.Cli.Tests.Infrastructure;

/// <summary>
/// Each test gets its own <see cref="FakeWebexServer"/> and <see cref="CliRunner"/> (the assembly runs
/// one fixture instance per test case), so tests may run in parallel.
/// </summary>
public abstract class CliTestBase
{
    /// <summary>The Personal Access Token the fake server accepts; it must never be printed.</summary>
    protected const string Pat = "PAT-e2e-SECRET-7f3a9c";

    /// <summary>A token the fake server rejects; it is a configured secret too.</summary>
    protected const string WrongPat = "PAT-e2e-WRONG-SECRET-0d1e";

    /// <summary>An OAuth client secret; it must never be printed.</summary>
    protected const string ClientSecret = "CLIENT-e2e-SECRET-91b2d4";

    protected const string ClientId = "C0e2eclientid";

    private FakeWebexServer? _server;
    private CliRunner? _cli;

    protected FakeWebexServer Server => _server ?? throw new InvalidOperationException("SetUp did not run.");

    protected CliRunner Cli => _cli ?? throw new InvalidOperationException("SetUp did not run.");

    [SetUp]
    public async Task StartSandboxAsync()
    {
        _cli = new CliRunner();
        _cli.RegisterSecret(Pat);
        _cli.RegisterSecret(WrongPat);
        _cli.RegisterSecret(ClientSecret);
        _server = await FakeWebexServer.StartAsync(Pat);
    }

    [TearDown]
    public async Task StopSandboxAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _cli?.Dispose();
    }

    /// <summary>
    /// Runs the CLI and the fake server's delays on one <see cref="VirtualClock"/>: Retry-After, backoff and timeouts
    /// take no real time, and <see cref="RecordedRequest.ReceivedAt"/> gaps are the waits the CLI made.
    /// </summary>
    protected VirtualClock UseVirtualTime()
    {
        var clock = new VirtualClock(() => Server.IsQuiet(TimeSpan.FromMilliseconds(20)), () => Server.RequestsInDelay);
        Cli.Clock = clock;
        Server.Time = clock.Time;
        return clock;
    }

    // ------------------------------------------------------------------ configs and documents

    /// <summary><c>{"authorization_key": PAT, "base_url": fake server}</c>.</summary>
    protected JsonObject PatConfig(string token = Pat) =>
        new() { ["authorization_key"] = token, ["base_url"] = Server.BaseUrl };

    /// <summary>An OAuth-only asset config (no PAT) pointing at the fake server.</summary>
    protected JsonObject OAuthConfig() =>
        new()
        {
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
            ["base_url"] = Server.BaseUrl,
            ["auth_timeout_seconds"] = 5,
        };

    /// <summary>Writes the asset config (PAT config by default) as <c>webex-test.json</c> and returns its path.</summary>
    protected string WriteAsset(JsonObject? config = null, string fileName = "webex-test.json") =>
        Cli.WriteAssetConfig(config ?? PatConfig(), fileName);

    /// <summary>Runs an operator command against a fresh PAT asset: <c>COMMAND --asset FILE ARGS...</c>.</summary>
    protected Task<CliResult> RunOperatorAsync(string command, params string[] args) =>
        Cli.RunAsync([command, "--asset", WriteAsset(), .. args]);

    /// <summary>A <c>run</c> document with the PAT config and the given parameter entries.</summary>
    protected JsonObject RunDocument(string identifier, params JsonObject[] parameters)
    {
        var doc = new JsonObject
        {
            ["identifier"] = identifier,
            ["asset_id"] = "webex-e2e",
            ["config"] = PatConfig(),
        };
        if (parameters.Length > 0)
        {
            doc["parameters"] = new JsonArray([.. parameters]);
        }

        return doc;
    }

    /// <summary>Writes <paramref name="document"/> to a file and runs <c>run FILE</c>.</summary>
    protected Task<CliResult> RunDocumentAsync(JsonObject document, params string[] extraArgs) =>
        Cli.RunAsync(["run", Cli.WriteRunDocument(document), .. extraArgs]);

    // ------------------------------------------------------------------ assertions

    protected static void AssertExitCode(CliResult result, int expected) =>
        Assert.That(result.ExitCode, Is.EqualTo(expected), () => $"Unexpected exit code.{Environment.NewLine}{result.Describe()}");

    /// <summary>Exit 0, top-level and every action result <c>success</c>.</summary>
    protected static JsonObject AssertSucceeded(CliResult result)
    {
        AssertExitCode(result, 0);
        var json = result.JsonObject();
        Assert.That(Str(json["status"]), Is.EqualTo("success"), result.Describe);
        return json;
    }

    /// <summary>Exit 1, top-level <c>failed</c>, result_data[index] <c>failed</c>; returns that result's message.</summary>
    protected static string AssertActionFailed(CliResult result, int index = 0)
    {
        AssertExitCode(result, 1);
        var json = result.JsonObject();
        var actionResult = result.ActionResult(index);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(json["status"]), Is.EqualTo("failed"), result.Describe);
            Assert.That(Str(actionResult["status"]), Is.EqualTo("failed"), result.Describe);
            Assert.That(Str(actionResult["message"]), Is.Not.Null.And.Not.Empty, result.Describe);
        }

        return Str(actionResult["message"]) ?? "";
    }

    /// <summary>Exit 2, stdout one JSON object with <c>status</c> <c>failed</c> and a message; returns the message.</summary>
    protected static string AssertUnusableInvocation(CliResult result)
    {
        AssertExitCode(result, 2);
        var json = result.JsonObject();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(json["status"]), Is.EqualTo("failed"), result.Describe);
            Assert.That(Str(json["message"]), Is.Not.Null.And.Not.Empty, result.Describe);
        }

        return Str(json["message"]) ?? "";
    }

    protected void AssertNoRequests() =>
        Assert.That(Server.Requests, Is.Empty, () => $"The server received requests:{Environment.NewLine}{Server.DescribeRequests()}");

    protected static void AssertJsonEqual(JsonNode? actual, JsonNode? expected, string what) =>
        Assert.That(
            JsonNode.DeepEquals(actual, expected),
            Is.True,
            () => $"{what} differs.{Environment.NewLine}expected: {expected?.ToJsonString() ?? "null"}{Environment.NewLine}actual:   {actual?.ToJsonString() ?? "null"}");

    /// <summary>Contains the parameter name as written in the contract, or (operator form) its option spelling.</summary>
    protected static IResolveConstraint NamesParameter(string name) =>
        Does.Contain(name).Or.Contain(name.Replace('_', '-'));

    /// <summary>A JSON node as string (null when absent or not a string).</summary>
    protected static string? Str(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The ids of a JSON array of objects.</summary>
    protected static List<string?> Ids(JsonNode? array) =>
        array is JsonArray a ? [.. a.Select(item => Str(item?["id"]))] : [];
}

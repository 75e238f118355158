using System.Text;
using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>
/// Bad input through the real CLI, table-driven: every case gives the command line (and stdin), the exit code,
/// a fragment the message must contain, and how many requests may reach the fake server (none, except the
/// cases that prove a byte order mark is accepted). Bad input never crashes and never sends anything.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class BadInputTests : CliTestBase
{
    private const int MiB = 1024 * 1024;

    /// <summary>One row of the table: <c>Setup</c> writes what the case needs and returns the arguments and stdin.</summary>
    private sealed record BadInputCase(
        string Name,
        Func<BadInputTests, (string[] Args, string? Stdin)> Setup,
        int ExitCode,
        string Fragment,
        int Requests = 0);

    private static readonly BadInputCase[] Table =
    [
        new("run: JSON list instead of an object", t => (["run", t.Cli.WriteFile("list.json", "[1, 2, 3]")], null), 2, "object"),
        new("run: JSON string on stdin", _ => (["run", "-"], "\"list_rooms\""), 2, "object"),
        new("run: trailing garbage after the object", t => (["run", t.Cli.WriteFile("trailing.json", t.RunJson("list_rooms") + " {\"x\":1}")], null), 2, "JSON"),
        new("run: invalid UTF-8 bytes in the run file", t => (["run", t.WriteBytes("invalid-utf8.json", InvalidUtf8Run(t))], null), 2, "UTF-8"),
        new("asset: invalid UTF-8 bytes in the asset file", t => (["list-rooms", "--asset", t.WriteBytes("webex-test.json", InvalidUtf8Asset(t))], null), 2, "UTF-8"),
        new("run: UTF-8 BOM is accepted", t => (["run", t.WriteBytes("bom.json", [.. Bom, .. Encoding.UTF8.GetBytes(t.RunJson("test_connectivity"))])], null), 0, "Test Connectivity Passed", Requests: 1),
        new("asset: UTF-8 BOM is accepted", t => (["test-connectivity", "--asset", t.WriteBytes("webex-test.json", [.. Bom, .. Encoding.UTF8.GetBytes(t.PatConfig().ToJsonString())])], null), 0, "Test Connectivity Passed", Requests: 1),
        new("run: 17 MiB run document", t => (["run", t.Cli.WriteFile("huge.json", t.HugeRunJson())], null), 2, "larger than"),
        new("run: 17 MiB run document on stdin", t => (["run", "-"], t.HugeRunJson()), 2, "larger than"),
        new("run: nested 65 deep", t => (["run", t.Cli.WriteFile("deep65.json", t.NestedRunJson(65))], null), 2, "depth"),
        new("run: nested 100000 deep", t => (["run", t.Cli.WriteFile("deep100000.json", t.NestedRunJson(100_000))], null), 2, "depth"),
        new("run: control character \\u0001 in email_address", t => (["run", t.Cli.WriteFile("ctl.json", t.RunJson("get_user", new JsonObject { ["email_address"] = "a\u0001b@example.com" }))], null), 1, "email_address"),
        new("run: control character \\u0001 in message", t => (["run", t.Cli.WriteFile("ctl-msg.json", t.RunJson("send_message", SendParams("hello\u0001world")))], null), 1, "message"),
        new("operator: control character \\u0001 in --email-address", t => (["get-user", "--asset", t.WriteAsset(), "--email-address", "a\u0001b@example.com"], null), 1, "email"),
        new("run: a number for message", t => (["run", t.Cli.WriteFile("num-msg.json", t.RunJson("send_message", SendParams(42)))], null), 1, "message"),
        new("run: a string for limit", t => (["run", t.Cli.WriteFile("str-limit.json", t.RunJson("list_rooms", new JsonObject { ["limit"] = "lots" }))], null), 1, "limit"),
        new("operator: a string for --limit", t => (["list-rooms", "--asset", t.WriteAsset(), "--limit", "lots"], null), 1, "limit"),
        new("run: an object for email_address", t => (["run", t.Cli.WriteFile("obj-email.json", t.RunJson("get_user", new JsonObject { ["email_address"] = new JsonObject { ["email"] = "a@example.com" } }))], null), 1, "email_address"),
        new("run: a list for endpoint_id", t => (["run", t.Cli.WriteFile("list-endpoint.json", t.RunJson("send_message", new JsonObject { ["endpoint_id"] = new JsonArray("a", "b"), ["destination_type"] = "room", ["message"] = "hi" }))], null), 1, "endpoint_id"),
        new("run: unknown identifier", t => (["run", t.Cli.WriteFile("unknown.json", t.RunJson("delete_everything"))], null), 2, "delete_everything"),
        new("operator: --output xml", t => (["list-rooms", "--asset", t.WriteAsset(), "--output", "xml"], null), 2, "xml"),
        new("operator: unknown option", t => (["list-rooms", "--asset", t.WriteAsset(), "--frobnicate"], null), 2, "--frobnicate"),
        new("unknown command", _ => (["delete-rooms"], null), 2, "delete-rooms"),
        new("run: a folder as the run document", t => (["run", t.Cli.WorkDir], null), 2, "it is a folder, not a file"),
        new("run: an empty run document", _ => (["run", "-"], ""), 2, "not valid JSON: it is empty"),
        new("run: a run document that breaks off", _ => (["run", "-"], "{\"identifier\": \"list_rooms\",\n"), 2, "breaks off or has an unexpected character at line 2"),
        new("asset: base_url with user info", t => (["list-rooms", "--asset", t.WriteAsset(Config(t, "base_url", "https://soc:hunter2pw@webexapis.com/v1"))], null), 2, "base_url must not contain a user name or password"),
        new("asset: base_url on 127.999.999.999", t => (["list-rooms", "--asset", t.WriteAsset(Config(t, "base_url", "http://127.999.999.999/v1"))], null), 2, "must be an https URL"),
        new("asset: redirect_uri on port 0", t => (["test-connectivity", "--asset", t.WriteAsset(OAuth(t, "redirect_uri", "http://127.0.0.1:0/result"))], null), 2, "fixed port (not 0)"),
        new("asset: timeout_seconds 0.005", t => (["list-rooms", "--asset", t.WriteAsset(Config(t, "timeout_seconds", 0.005))], null), 2, "'timeout_seconds' must be at least 0.1"),
        new("asset: PAT with a line break inside", t => (["list-rooms", "--asset", t.WriteAsset(Config(t, "authorization_key", "PAT-e2e\r\nX-Injected: yes"))], null), 2, "'authorization_key' contains a line break"),
        new("run: a lone surrogate in a parameter", _ => (["run", "-"], "{\"identifier\": \"get_user\", \"parameters\": [{\"email_address\": \"a\\ud800@example.com\"}]}"), 2, "not valid Unicode"),
        new("run: limit 1.5", t => (["run", t.Cli.WriteFile("frac.json", t.RunJson("list_rooms", new JsonObject { ["limit"] = 1.5 }))], null), 1, "whole number"),
        new("run: two file arguments", t => (["run", t.Cli.WriteFile("first.json", t.RunJson("test_connectivity")), t.Cli.WriteFile("second.json", t.RunJson("test_connectivity"))], null), 2, "second.json"),
    ];

    private static byte[] Bom => [0xEF, 0xBB, 0xBF];

    private static IEnumerable<TestCaseData> Cases() =>
        Table.Select(c => new TestCaseData(c.Name).SetArgDisplayNames(c.Name));

    [TestCaseSource(nameof(Cases))]
    public async Task Cli_BadInput_ExitsWithMessageAndSendsNothing(string name)
    {
        var row = Table.Single(c => c.Name == name);
        var (args, stdin) = row.Setup(this);

        var result = await Cli.RunAsync(args, stdin, timeout: TimeSpan.FromSeconds(60));

        var message = row.ExitCode switch
        {
            2 => AssertUnusableInvocation(result),
            1 => AssertActionFailed(result),
            _ => Str(AssertSucceeded(result)["result_data"]?[0]?["message"]) ?? "",
        };
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.Contain(row.Fragment).IgnoreCase, result.Describe);
            Assert.That(Server.Requests, Has.Count.EqualTo(row.Requests), () => $"requests:{Environment.NewLine}{Server.DescribeRequests()}");
            Assert.That(result.Stderr, Does.Not.Contain("Unhandled exception").And.Not.Contain("Stack overflow"), "no crash");
        }
    }

    // ------------------------------------------------------------------ building the inputs

    private static JsonObject Config(BadInputTests t, string key, JsonNode value)
    {
        var config = t.PatConfig();
        config[key] = value;
        return config;
    }

    private static JsonObject OAuth(BadInputTests t, string key, JsonNode value)
    {
        var config = t.OAuthConfig();
        config[key] = value;
        return config;
    }

    private static JsonObject SendParams(JsonNode message) =>
        new() { ["endpoint_id"] = "Y2lzY29zcGFyazovL3VzL1JPT00vYmFkLWlucHV0", ["destination_type"] = "room", ["message"] = message };

    private string RunJson(string identifier, JsonObject? parameters = null) =>
        (parameters is null ? RunDocument(identifier) : RunDocument(identifier, parameters)).ToJsonString();

    private string WriteBytes(string fileName, byte[] bytes)
    {
        var path = Path.Combine(Cli.WorkDir, fileName);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A run document whose parameter holds the bytes FF FE (never valid in UTF-8).</summary>
    private static byte[] InvalidUtf8Run(BadInputTests t)
    {
        var text = t.RunJson("get_user", new JsonObject { ["email_address"] = "INVALID@example.com" });
        return Splice(Encoding.UTF8.GetBytes(text), "INVALID", [0xFF, 0xFE]);
    }

    /// <summary>An asset config whose scope holds C3 28 (a lead byte followed by an ASCII byte).</summary>
    private static byte[] InvalidUtf8Asset(BadInputTests t)
    {
        var config = t.PatConfig();
        config["scope"] = "INVALID";
        return Splice(Encoding.UTF8.GetBytes(config.ToJsonString()), "INVALID", [0xC3, 0x28]);
    }

    private static byte[] Splice(byte[] bytes, string marker, byte[] replacement)
    {
        var at = bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(marker));
        Assert.That(at, Is.GreaterThanOrEqualTo(0), "marker present");
        return [.. bytes.AsSpan(0, at), .. replacement, .. bytes.AsSpan(at + marker.Length)];
    }

    private string HugeRunJson()
    {
        var doc = RunDocument("test_connectivity");
        doc["context"] = new string('x', 17 * MiB);
        return doc.ToJsonString();
    }

    /// <summary>A run document whose (ignored) <c>context</c> is <paramref name="depth"/> nested lists.</summary>
    private string NestedRunJson(int depth)
    {
        var head = RunDocument("test_connectivity").ToJsonString();
        var builder = new StringBuilder(head.Length + (2 * depth) + 20);
        builder.Append(head, 0, head.Length - 1).Append(",\"context\":");
        builder.Append('[', depth).Append(']', depth).Append('}');
        return builder.ToString();
    }
}

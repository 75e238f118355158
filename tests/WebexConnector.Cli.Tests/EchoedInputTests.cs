using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>
/// What a caller sent comes back cleaned and shortened wherever it is echoed (stderr, the text table, the JSON
/// document): no terminal control, no forged log lines, no megabytes echoed twice.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class EchoedInputTests : CliTestBase
{
    private static readonly string[] Hostile =
    [
        "list_rooms\u001b[2J\u001b]0;owned\u0007",
        "list_rooms\r\nwebex-connector: Test Connectivity Passed",
        "list_rooms\0nul",
        "smoor_tsil\u202Elist_rooms",
    ];

    private static IEnumerable<TestCaseData> HostileIdentifiers() =>
        Hostile.Select((value, i) => new TestCaseData(value).SetArgDisplayNames($"hostile-{i}"));

    [TestCaseSource(nameof(HostileIdentifiers))]
    public async Task Run_IdentifierWithControlCharacters_IsEchoedCleanOnStderrAndInTheTextTable(string identifier)
    {
        var document = RunDocument("list_rooms");
        document["identifier"] = identifier;
        document["action"] = identifier;

        var json = await RunDocumentAsync(document);
        var text = await RunDocumentAsync(document, "--output", "text");

        AssertUnusableInvocation(json);
        using (Assert.EnterMultipleScope())
        {
            foreach (var output in new[] { json.Stderr, text.Stderr, text.Stdout })
            {
                Assert.That(output.Where(c => c is not '\n' && (char.IsControl(c) || c is '\u202E')), Is.Empty, output);
                Assert.That(output, Does.Not.Contain("\nwebex-connector: Test Connectivity Passed"), "no forged line");
            }

            Assert.That(json.Stderr, Does.Contain("Unknown action identifier"));
        }
    }

    [Test]
    public async Task Run_TenMegabyteIdentifier_IsEchoedShortened()
    {
        var document = RunDocument("list_rooms");
        document["identifier"] = new string('x', 10 * 1024 * 1024);

        var result = await RunDocumentAsync(document);

        AssertUnusableInvocation(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stdout.Length, Is.LessThan(4096), "the document echoes a short excerpt");
            Assert.That(result.Stderr.Length, Is.LessThan(4096));
            Assert.That(Str(JsonNode.Parse(result.Stdout)?["identifier"]), Has.Length.LessThanOrEqualTo(129).And.EndsWith("…"));
        }
    }

    [Test]
    public async Task Run_AssetIdWithControlCharacters_IsRefusedAndEchoedClean()
    {
        var document = RunDocument("list_rooms");
        document["asset_id"] = "prod\u001b[31m\r\nforged";

        var result = await RunDocumentAsync(document);

        var message = AssertUnusableInvocation(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.Contain("Invalid asset_id 'prod [31m forged'"));
            Assert.That(result.Stderr.Where(c => c is not '\n' && char.IsControl(c)), Is.Empty);
        }
    }

    [TestCase("{}x")]
    [TestCase("")]
    [TestCase("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]")]
    public async Task Run_BrokenJson_MessageHasNoDotnetInternals(string document)
    {
        var result = await Cli.RunAsync(["run", "-"], document);

        var message = AssertUnusableInvocation(result);
        Assert.That(message, Does.Not.Contain("isFinalBlock").And.Not.Contain("BytePositionInLine").And.Not.Contain("LineNumber").And.Not.Contain("Path: $"));
    }
}

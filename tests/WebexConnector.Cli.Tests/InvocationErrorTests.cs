using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>Unusable invocations: exit 2, still one JSON document with status failed, and no request sent.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class InvocationErrorTests : CliTestBase
{
    private const string MisspeltKeyPat = "PAT-e2e-MISSPELT-SECRET-44c1";

    [Test]
    public async Task Run_UnreadableJson_ExitsTwoWithJsonFailure()
    {
        var file = Cli.WriteFile("broken.json", """{"identifier": "test_connectivity", "config": {""");

        var result = await Cli.RunAsync("run", file);

        AssertUnusableInvocation(result);
        AssertNoRequests();
    }

    [Test]
    public async Task Run_UnreadableJsonOnStdin_ExitsTwoWithJsonFailure()
    {
        var result = await Cli.RunAsync(["run", "-"], stdin: "this is not json");

        AssertUnusableInvocation(result);
        AssertNoRequests();
    }

    [Test]
    public async Task Run_EmptyStdin_ExitsTwoWithJsonFailure()
    {
        var result = await Cli.RunAsync(["run", "-"], stdin: null);

        AssertUnusableInvocation(result);
        AssertNoRequests();
    }

    [TestCase("[1, 2]")]
    [TestCase("\"test_connectivity\"")]
    [TestCase("42")]
    [TestCase("null")]
    public async Task Run_JsonNotAnObject_ExitsTwoWithJsonFailure(string document)
    {
        var file = Cli.WriteFile("not-object.json", document);

        var result = await Cli.RunAsync("run", file);

        AssertUnusableInvocation(result);
        AssertNoRequests();
    }

    [Test]
    public async Task Run_MissingIdentifier_ExitsTwoNamingIdentifier()
    {
        var doc = RunDocument("test_connectivity");
        doc.Remove("identifier");

        var result = await RunDocumentAsync(doc);

        var message = AssertUnusableInvocation(result);
        Assert.That(message, Does.Contain("identifier"));
        AssertNoRequests();
    }

    [Test]
    public async Task Run_UnknownIdentifier_ExitsTwoNamingIt()
    {
        var result = await RunDocumentAsync(RunDocument("delete_all_rooms"));

        var message = AssertUnusableInvocation(result);
        Assert.That(message, Does.Contain("delete_all_rooms"));
        AssertNoRequests();
    }

    [TestCase("../x")]
    [TestCase("/")]
    [TestCase("")]
    [TestCase("a b")]
    [TestCase("webex/../../etc")]
    public async Task Run_InvalidAssetId_ExitsTwoNamingAssetId(string assetId)
    {
        var doc = RunDocument("test_connectivity");
        doc["asset_id"] = assetId;

        var result = await RunDocumentAsync(doc);

        var message = AssertUnusableInvocation(result);
        Assert.That(message, Does.Contain("asset_id"));
        AssertNoRequests();
    }

    [Test]
    public async Task Run_AssetIdOf129Characters_ExitsTwoNamingAssetId()
    {
        var doc = RunDocument("test_connectivity");
        doc["asset_id"] = new string('a', 129);

        var result = await RunDocumentAsync(doc);

        var message = AssertUnusableInvocation(result);
        Assert.That(message, Does.Contain("asset_id"));
        AssertNoRequests();
    }

    [Test]
    public async Task OperatorForm_InvalidAssetIdOption_ExitsTwoNamingAssetId()
    {
        var result = await Cli.RunAsync("test-connectivity", "--asset", WriteAsset(), "--asset-id", "../x");

        var message = AssertUnusableInvocation(result);
        Assert.That(message, NamesParameter("asset_id"));
        AssertNoRequests();
    }

    /// <summary>Config JSON ({BASE} is the fake server's base URL) and the comma-separated names the message must contain.</summary>
    private static IEnumerable<TestCaseData> InvalidConfigs()
    {
        const string authNames = "authorization_key,client_id,client_secret";
        yield return new TestCaseData("""{"base_url":"{BASE}"}""", authNames).SetName("{m}(no credentials)");
        yield return new TestCaseData("""{"client_id":"C0e2eclientid","base_url":"{BASE}"}""", authNames).SetName("{m}(client_id only)");
        yield return new TestCaseData("""{"client_secret":"CLIENT-e2e-SECRET-91b2d4","base_url":"{BASE}"}""", authNames).SetName("{m}(client_secret only)");
        yield return new TestCaseData("""{"authorization_key":"","base_url":"{BASE}"}""", authNames).SetName("{m}(empty PAT)");
        yield return new TestCaseData("""{"authorization_key":"","client_id":"","client_secret":"","base_url":"{BASE}"}""", authNames).SetName("{m}(all empty)");
        yield return new TestCaseData($$"""{"authorization_kye":"{{MisspeltKeyPat}}","base_url":"{BASE}"}""", "authorization_kye").SetName("{m}(misspelt authorization_kye)");
        yield return new TestCaseData($$"""{"authorization_key":"{{Pat}}","client_id":"C0e2eclientid","client_secret":"CLIENT-e2e-SECRET-91b2d4","base_url":"{BASE}","scopes":"spark:all"}""", "scopes").SetName("{m}(unknown key scopes)");
        yield return new TestCaseData($$"""{"authorization_key":"{{Pat}}","base_url":"http://example.com/v1"}""", "base_url").SetName("{m}(http base_url to another host)");
        yield return new TestCaseData($$"""{"authorization_key":"{{Pat}}","base_url":"http://10.1.2.3:8080/v1"}""", "base_url").SetName("{m}(http base_url to a private address)");
        yield return new TestCaseData($$"""{"authorization_key":"{{Pat}}","base_url":"not a url"}""", "base_url").SetName("{m}(base_url not a URI)");
        yield return new TestCaseData($$"""{"client_id":"C0e2eclientid","client_secret":"CLIENT-e2e-SECRET-91b2d4","base_url":"{BASE}","redirect_uri":"http://example.com/result"}""", "redirect_uri").SetName("{m}(OAuth redirect_uri not loopback)");
        yield return new TestCaseData($$"""{"authorization_key":"{{Pat}}","base_url":"{BASE}","redirect_uri":"http://192.168.1.10:8914/result"}""", "redirect_uri").SetName("{m}(PAT with redirect_uri not loopback)");
        yield return new TestCaseData($$"""{"authorization_key":"{{Pat}}","base_url":"{BASE}","timeout_seconds":0}""", "timeout_seconds").SetName("{m}(timeout_seconds zero)");
        yield return new TestCaseData($$"""{"authorization_key":"{{Pat}}","base_url":"{BASE}","timeout_seconds":"soon"}""", "timeout_seconds").SetName("{m}(timeout_seconds not a number)");
        yield return new TestCaseData($$"""{"authorization_key":12345678,"base_url":"{BASE}"}""", "authorization_key").SetName("{m}(authorization_key not a string)");
    }

    [TestCaseSource(nameof(InvalidConfigs))]
    public async Task ListRooms_InvalidAssetConfig_ExitsTwoNamingTheKeys(string configJson, string commaSeparatedNames)
    {
        Cli.RegisterSecret(MisspeltKeyPat);
        var path = Cli.WriteFile("webex-test.json", configJson.Replace("{BASE}", Server.BaseUrl, StringComparison.Ordinal));

        var result = await Cli.RunAsync("list-rooms", "--asset", path);

        var message = AssertUnusableInvocation(result);
        var names = commaSeparatedNames.Split(',');
        using (Assert.EnterMultipleScope())
        {
            foreach (var name in names)
            {
                Assert.That(message, Does.Contain(name));
            }
        }

        AssertNoRequests();
    }

    [Test]
    public async Task Run_ConfigWithoutCredentials_ExitsTwoNamingTheAuthKeys()
    {
        var doc = RunDocument("list_rooms");
        doc["config"] = new JsonObject { ["base_url"] = Server.BaseUrl };

        var result = await RunDocumentAsync(doc);

        var message = AssertUnusableInvocation(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.Contain("authorization_key"));
            Assert.That(message, Does.Contain("client_id"));
            Assert.That(message, Does.Contain("client_secret"));
        }

        AssertNoRequests();
    }

    [Test]
    public async Task Run_ConfigWithHttpBaseUrlToAnotherHost_ExitsTwoNamingBaseUrl()
    {
        var doc = RunDocument("test_connectivity");
        doc["config"] = new JsonObject { ["authorization_key"] = Pat, ["base_url"] = "http://example.com/v1" };

        var result = await RunDocumentAsync(doc);

        var message = AssertUnusableInvocation(result);
        Assert.That(message, Does.Contain("base_url"));
        AssertNoRequests();
    }

    [Test]
    public async Task Run_ConfigWithMisspeltKey_ExitsTwoNamingIt()
    {
        Cli.RegisterSecret(MisspeltKeyPat);
        var doc = RunDocument("test_connectivity");
        doc["config"] = new JsonObject { ["authorization_kye"] = MisspeltKeyPat, ["base_url"] = Server.BaseUrl };

        var result = await RunDocumentAsync(doc);

        var message = AssertUnusableInvocation(result);
        Assert.That(message, Does.Contain("authorization_kye"));
        AssertNoRequests();
    }

    [TestCase("this is { not json")]
    [TestCase("[\"authorization_key\"]")]
    public async Task TestConnectivity_AssetFileNotAJsonObject_ExitsTwo(string content)
    {
        var path = Cli.WriteFile("webex-test.json", content);

        var result = await Cli.RunAsync("test-connectivity", "--asset", path);

        AssertUnusableInvocation(result);
        AssertNoRequests();
    }

    [Test]
    public async Task TestConnectivity_MissingAssetFile_ExitsTwo()
    {
        var result = await Cli.RunAsync("test-connectivity", "--asset", Path.Combine(Cli.WorkDir, "does-not-exist.json"));

        AssertUnusableInvocation(result);
        AssertNoRequests();
    }

    [Test]
    public async Task ListRooms_NoAssetOption_ExitsTwo()
    {
        var result = await Cli.RunAsync("list-rooms");

        AssertUnusableInvocation(result);
        AssertNoRequests();
    }

    [Test]
    public async Task Run_MissingDocumentFile_ExitsTwo()
    {
        var result = await Cli.RunAsync("run", Path.Combine(Cli.WorkDir, "no-such-run.json"));

        AssertUnusableInvocation(result);
        AssertNoRequests();
    }
}

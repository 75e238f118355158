using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>test_connectivity with a Personal Access Token.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class TestConnectivityTests : CliTestBase
{
    private void AssertPassed(CliResult result)
    {
        var json = AssertSucceeded(result);
        var actionResult = result.ActionResult();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(json["identifier"]), Is.EqualTo("test_connectivity"));
            Assert.That(Str(actionResult["status"]), Is.EqualTo("success"));
            Assert.That(Str(actionResult["message"]), Is.EqualTo("Test Connectivity Passed"));
            Assert.That(actionResult["data"], Is.InstanceOf<JsonArray>().And.Empty, "data is an empty list");
            Assert.That((json["result_data"] as JsonArray)?.Count, Is.EqualTo(1), "one action result");
        }

        var calls = Server.RequestsTo("GET", "/v1/people/me");
        Assert.That(calls, Has.Count.EqualTo(1), Server.DescribeRequests);
        Assert.That(calls[0].Header("Authorization"), Is.EqualTo($"Bearer {Pat}"));
    }

    [Test]
    public async Task TestConnectivity_OperatorFormWithValidPat_Passes()
    {
        var result = await Cli.RunAsync("test-connectivity", "--asset", WriteAsset());

        AssertPassed(result);
    }

    [Test]
    public async Task TestConnectivity_RunFormWithValidPat_Passes()
    {
        var result = await RunDocumentAsync(RunDocument("test_connectivity"));

        AssertPassed(result);
    }

    [Test]
    public async Task TestConnectivity_RunFormWithEmptyParameterList_RunsOnce()
    {
        var doc = RunDocument("test_connectivity");
        doc["parameters"] = new JsonArray();

        var result = await RunDocumentAsync(doc);

        AssertPassed(result);
    }

    [Test]
    public async Task TestConnectivity_LocalhostBaseUrl_IsAccepted()
    {
        var config = PatConfig();
        config["base_url"] = $"http://localhost:{Server.Port}/v1";

        var result = await Cli.RunAsync("test-connectivity", "--asset", WriteAsset(config));

        AssertPassed(result);
    }

    [Test]
    public async Task TestConnectivity_WrongToken_FailsWithStatusCodeAndTrackingId()
    {
        var result = await Cli.RunAsync("test-connectivity", "--asset", WriteAsset(PatConfig(WrongPat)));

        var message = AssertActionFailed(result);
        Assert.That(Server.LastTrackingId, Is.Not.Null, Server.DescribeRequests);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.Contain("Status code: 401"));
            Assert.That(message, Does.Contain(Server.LastTrackingId!));
            Assert.That(Server.RequestsTo("GET", "/v1/people/me"), Is.Not.Empty);
        }
    }

    [Test]
    public async Task TestConnectivity_WrongTokenInRunForm_FailsWithStatusCode()
    {
        var doc = RunDocument("test_connectivity");
        doc["config"] = PatConfig(WrongPat);

        var result = await RunDocumentAsync(doc);

        var message = AssertActionFailed(result);
        Assert.That(message, Does.Contain("Status code: 401"));
    }
}

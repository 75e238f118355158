using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>remove_membership: DELETE with 204, ids kept inside their path segment, 404, never retried after a 5xx or a timeout.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class RemoveMembershipTests : CliTestBase
{
    private const string MayOrMayNot = "The person may or may not have been removed; list the memberships before trying again.";

    private (JsonObject Target, JsonObject Other) TwoMemberships()
    {
        var roomId = Str(Server.AddRooms(1)[0]["id"])!;
        var members = Server.AddMemberships(roomId, 2);
        return (members[0], members[1]);
    }

    private string AssetWithTimeout(double timeoutSeconds)
    {
        var config = PatConfig();
        config["timeout_seconds"] = timeoutSeconds;
        return WriteAsset(config);
    }

    [Test]
    public async Task RemoveMembership_ExistingMembership_DeletesItOnceAndReportsRemoved()
    {
        var (target, other) = TwoMemberships();
        var id = Str(target["id"])!;

        var result = await RunOperatorAsync("remove-membership", "--membership-id", id);

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        var deletes = Server.RequestsTo("DELETE", $"/v1/memberships/{id}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(deletes, Has.Count.EqualTo(1), Server.DescribeRequests);
            Assert.That(Server.Requests, Has.Count.EqualTo(1), Server.DescribeRequests);
            Assert.That(deletes.Count > 0 ? deletes[0].Header("Authorization") : null, Is.EqualTo($"Bearer {Pat}"));
            Assert.That(deletes.Count > 0 ? deletes[0].Body : null, Is.Empty);
            Assert.That(Str(actionResult["message"]), Is.EqualTo("Membership removed"));
            Assert.That(actionResult["data"], Is.InstanceOf<JsonArray>().And.Empty);
            AssertJsonEqual(actionResult["summary"], new JsonObject { ["membership_id"] = id }, "summary");
            Assert.That(Server.Memberships.Select(m => Str(m["id"])), Is.EqualTo(new[] { Str(other["id"]) }), "only that membership is gone");
        }
    }

    [Test]
    public async Task RemoveMembership_RunDocument_RemovesTheMembership()
    {
        var (target, _) = TwoMemberships();

        var result = await RunDocumentAsync(RunDocument("remove_membership", new JsonObject { ["membership_id"] = Str(target["id"]) }));

        AssertSucceeded(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(result.JsonObject()["action"]), Is.EqualTo("remove membership"));
            Assert.That(Str(result.ActionResult()["parameter"]?["membership_id"]), Is.EqualTo(Str(target["id"])));
            Assert.That(Server.Memberships.Select(m => Str(m["id"])), Does.Not.Contain(Str(target["id"])));
        }
    }

    [Test]
    public async Task RemoveMembership_IdWithSlashQuestionMarkAndHash_StaysInsideItsPathSegment()
    {
        var (target, other) = TwoMemberships();
        const string oddId = "odd/../rooms?max=1#frag";
        var odd = (JsonObject)target.DeepClone();
        odd["id"] = oddId;
        Server.AddMembership(odd);

        var result = await RunOperatorAsync("remove-membership", "--membership-id", oddId);

        AssertSucceeded(result);
        var request = Server.Requests.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(request.Method, Is.EqualTo("DELETE"));
            Assert.That(request.Path, Does.StartWith("/v1/memberships/odd"), "one segment under /memberships");
            Assert.That(request.QueryString, Is.Empty, "the '?' is part of the id, not a query");
            Assert.That(Server.Memberships.Select(m => Str(m["id"])), Is.EquivalentTo(new[] { Str(target["id"]), Str(other["id"]) }), "only the odd one is gone");
        }
    }

    [TestCase("..")]
    [TestCase(".")]
    public async Task RemoveMembership_DotSegmentId_FailsNamingMembershipIdWithoutRequest(string id)
    {
        var result = await RunOperatorAsync("remove-membership", "--membership-id", id);

        var message = AssertActionFailed(result);
        Assert.That(message, NamesParameter("membership_id"));
        AssertNoRequests();
    }

    [TestCase(500)]
    [TestCase(502)]
    [TestCase(503)]
    public async Task RemoveMembership_ServerError_DeletesOnceAndSaysTheOutcomeIsUncertain(int status)
    {
        var (target, _) = TwoMemberships();
        var path = $"/v1/memberships/{Str(target["id"])}";
        Server.EnqueueWebexError(path, status, "Something went wrong", "ROUTER_5XX", method: "DELETE");

        var result = await RunOperatorAsync("remove-membership", "--membership-id", Str(target["id"])!);

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.RequestsTo("DELETE", path), Has.Count.EqualTo(1), () => "a DELETE is never retried after a 5xx: " + Server.DescribeRequests());
            Assert.That(message, Is.EqualTo($"Error removing membership. Status code: {status}. Details: Something went wrong. Tracking ID: ROUTER_5XX {MayOrMayNot}"));
        }
    }

    [Test]
    public async Task RemoveMembership_NoAnswerWithinTimeout_DeletesOnceAndSaysTheOutcomeIsUncertain()
    {
        var (target, _) = TwoMemberships();
        var path = $"/v1/memberships/{Str(target["id"])}";
        Server.Enqueue(path, status: 204, body: null, contentType: null, delay: TimeSpan.FromSeconds(6), method: "DELETE");

        var result = await Cli.RunAsync("remove-membership", "--asset", AssetWithTimeout(1), "--membership-id", Str(target["id"])!);

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.RequestsTo("DELETE", path), Has.Count.EqualTo(1), () => "a DELETE is never retried after a timeout: " + Server.DescribeRequests());
            Assert.That(message, Does.Contain("did not answer").And.EndWith(MayOrMayNot));
        }
    }

    [Test]
    public async Task RemoveMembership_RateLimitedOnce_IsRetriedBecauseWebexDidNothing()
    {
        var (target, other) = TwoMemberships();
        var path = $"/v1/memberships/{Str(target["id"])}";
        Server.Enqueue(path, status: 429, body: null, headers: new Dictionary<string, string> { ["Retry-After"] = "1" }, method: "DELETE");

        var result = await RunOperatorAsync("remove-membership", "--membership-id", Str(target["id"])!);

        AssertSucceeded(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.RequestsTo("DELETE", path), Has.Count.EqualTo(2), Server.DescribeRequests);
            Assert.That(Server.Memberships.Select(m => Str(m["id"])), Is.EqualTo(new[] { Str(other["id"]) }));
        }
    }

    [Test]
    public async Task RemoveMembership_Catalogue_DescribesAContainActionWithItsScope()
    {
        var result = await Cli.RunAsync("actions");

        AssertExitCode(result, 0);
        var action = (result.JsonObject()["actions"] as JsonArray)?.FirstOrDefault(a => Str(a?["identifier"]) == "remove_membership");
        Assert.That(action, Is.Not.Null, result.Describe);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(action!["type"]), Is.EqualTo("contain"));
            Assert.That(action["read_only"]?.GetValue<bool>(), Is.False);
            AssertJsonEqual(action["required_scopes"], new JsonArray("spark:memberships_write"), "required_scopes");
            Assert.That(action["parameters"]?["membership_id"]?["required"]?.GetValue<bool>(), Is.True);
        }
    }
}

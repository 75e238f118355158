using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>get_user: lookup by e-mail address.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class GetUserTests : CliTestBase
{
    [Test]
    public async Task GetUser_KnownEmail_ReturnsThePersonExactly()
    {
        var person = Server.AddPerson("Alice Analyst", "alice.analyst@example.com");

        var result = await RunOperatorAsync("get-user", "--email-address", "alice.analyst@example.com");

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        var data = actionResult["data"] as JsonArray;
        Assert.That(data, Has.Count.EqualTo(1), result.Describe);
        AssertJsonEqual(data![0], person, "the person");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(actionResult["summary"]?["found_user"]?.GetValue<bool>(), Is.True, "summary.found_user");
            Assert.That(Str(actionResult["parameter"]?["email_address"]), Is.EqualTo("alice.analyst@example.com"), "parameter.email_address echoed");
            var calls = Server.RequestsTo("GET", "/v1/people");
            Assert.That(calls, Has.Count.EqualTo(1), Server.DescribeRequests);
            Assert.That(calls.Count > 0 ? calls[0].QueryValue("email") : null, Is.EqualTo("alice.analyst@example.com"));
        }
    }

    [Test]
    public async Task GetUser_EmailWithPlusSign_IsEncodedInTheQuery()
    {
        var person = Server.AddPerson("Bob Plus", "bob+soc@example.com");

        var result = await RunOperatorAsync("get-user", "--email-address", "bob+soc@example.com");

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        Assert.That(actionResult["summary"]?["found_user"]?.GetValue<bool>(), Is.True, () => Server.DescribeRequests());
        AssertJsonEqual(actionResult["data"]?[0], person, "the person");
    }

    [Test]
    public async Task GetUser_UnknownEmail_SucceedsWithFoundUserFalseAndEmptyData()
    {
        var result = await RunOperatorAsync("get-user", "--email-address", "nobody@example.com");

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(actionResult["status"]), Is.EqualTo("success"));
            Assert.That(actionResult["summary"]?["found_user"]?.GetValue<bool>(), Is.False, "summary.found_user");
            Assert.That(actionResult["data"], Is.InstanceOf<JsonArray>().And.Empty);
            Assert.That(Str(actionResult["parameter"]?["email_address"]), Is.EqualTo("nobody@example.com"));
            Assert.That(Server.RequestsTo("GET", "/v1/people"), Has.Count.EqualTo(1));
        }
    }

    [TestCase("not-an-email")]
    [TestCase("missing-at.example.com")]
    public async Task GetUser_InvalidEmail_FailsNamingEmailAddressWithoutRequest(string email)
    {
        var result = await RunOperatorAsync("get-user", "--email-address", email);

        var message = AssertActionFailed(result);
        Assert.That(message, NamesParameter("email_address"));
        AssertNoRequests();
    }

    [Test]
    public async Task GetUser_InvalidEmailInRunDocument_FailsNamingEmailAddressAndEchoesIt()
    {
        var result = await RunDocumentAsync(RunDocument("get_user", new JsonObject { ["email_address"] = "not-an-email" }));

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.Contain("email_address"));
            Assert.That(Str(result.ActionResult()["parameter"]?["email_address"]), Is.EqualTo("not-an-email"));
        }

        AssertNoRequests();
    }
}

using System.Net;
using RichardSzalay.MockHttp;

namespace WebexConnector.Tests.Actions;

public class RemoveMembershipActionTests
{
    private const string MembershipId = "Y2lzY29zcGFyazovL3VzL01FTUJFUlNISVAvMGQwYzkxYjYtY2U2MC00NzI1LWI2ZDAtMzQ1NWQ1ZDExZWYzOmNkZTFkZDQwLTJmMGQtMTFlNS1iYTljLTdiNjU1NmQyMjA3Yg";
    private const string MembershipUrl = ConnectorHarness.BaseUrl + "/memberships/" + MembershipId;

    [Test]
    public async Task Execute_MembershipId_SendsOneDeleteToItsPathWithoutBody()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<HttpRequestMessage>();
        var delete = harness.When(HttpMethod.Delete, MembershipUrl)
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request => NoContent(requests, request));

        var result = await harness.RunOneAsync("remove_membership", $$"""{"membership_id": "{{MembershipId}}"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(harness.Http.GetMatchCount(delete), Is.EqualTo(1));
            Assert.That(harness.RequestCount, Is.EqualTo(1));
            Assert.That(requests.Single().RequestUri!.Query, Is.Empty);
            Assert.That(requests.Single().Content, Is.Null, "a DELETE carries no body");
        }
    }

    [Test]
    public async Task Execute_NoContent_SucceedsWithEmptyDataAndTheIdInTheSummary()
    {
        using var harness = new ConnectorHarness();
        harness.When(HttpMethod.Delete, MembershipUrl).Respond(HttpStatusCode.NoContent);

        var result = await harness.RunOneAsync("remove_membership", $$"""{"membership_id": "{{MembershipId}}"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(result.Message, Is.EqualTo("Membership removed"));
            Assert.That(result.Data, Is.Empty);
            Assert.That(result.Summary["membership_id"]?.GetValue<string>(), Is.EqualTo(MembershipId));
            Assert.That(result.Parameter["membership_id"]?.GetValue<string>(), Is.EqualTo(MembershipId));
        }
    }

    [TestCase("a/b?c#d", "a%2Fb%3Fc%23d")]
    [TestCase("../rooms/x", "..%2Frooms%2Fx")]
    [TestCase("id with space&x=1", "id%20with%20space%26x%3D1")]
    [TestCase("...", "...")]
    [TestCase("../..", "..%2F..")]
    public async Task Execute_IdWithReservedCharacters_IsEscapedInsideTheOneSegment(string id, string escaped)
    {
        using var harness = new ConnectorHarness();
        var requests = new List<HttpRequestMessage>();
        harness.When(HttpMethod.Delete, ConnectorHarness.BaseUrl + "/*").Respond(request => NoContent(requests, request));

        var result = await harness.RunOneAsync("remove_membership", new System.Text.Json.Nodes.JsonObject { ["membership_id"] = id }.ToJsonString());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(requests.Single().RequestUri!.AbsolutePath, Is.EqualTo("/v1/memberships/" + escaped));
            Assert.That(requests.Single().RequestUri!.Query, Is.Empty);
            Assert.That(requests.Single().RequestUri!.Fragment, Is.Empty);
        }
    }

    [TestCase("{}", TestName = "Execute_MissingMembershipId_FailsWithoutRequest")]
    [TestCase("""{"membership_id": ""}""", TestName = "Execute_EmptyMembershipId_FailsWithoutRequest")]
    [TestCase("""{"membership_id": 42}""", TestName = "Execute_NumericMembershipId_FailsWithoutRequest")]
    [TestCase("""{"membership_id": "abc\u0000def"}""", TestName = "Execute_MembershipIdWithControlCharacter_FailsWithoutRequest")]
    [TestCase("""{"membership_id": ".."}""", TestName = "Execute_MembershipIdDotDot_FailsWithoutRequestSoNoOtherPathIsDeleted")]
    [TestCase("""{"membership_id": "."}""", TestName = "Execute_MembershipIdDot_FailsWithoutRequestSoNoOtherPathIsDeleted")]
    public async Task Execute_InvalidMembershipId_FailsNamingItWithoutRequest(string parameters)
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("remove_membership", parameters);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.Contain("'membership_id'"));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    private static HttpResponseMessage NoContent(List<HttpRequestMessage> requests, HttpRequestMessage request)
    {
        requests.Add(request);
        return new HttpResponseMessage(HttpStatusCode.NoContent);
    }
}

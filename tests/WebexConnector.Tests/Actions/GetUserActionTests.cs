using System.Net;
using RichardSzalay.MockHttp;

namespace WebexConnector.Tests.Actions;

public class GetUserActionTests
{
    private const string PeopleUrl = ConnectorHarness.BaseUrl + "/people";

    [Test]
    public async Task Execute_KnownEmail_QueriesByEmailAndReturnsPersonUnchanged()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, PeopleUrl)
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request => Answer(requests, request, Fixture.PeopleByEmail));

        var result = await harness.RunOneAsync("get_user", """{"email_address": "john.andersen@example.com"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(ConnectorHarness.Query(requests.Single()),
                Is.EquivalentTo(new Dictionary<string, string?> { ["email"] = "john.andersen@example.com" }));
            Assert.That(result.Summary["found_user"]?.GetValue<bool>(), Is.True);
            Assert.That(result.Data.Select(d => d.GetRawText()), Is.EqualTo(Fixture.Items(Fixture.PeopleByEmail).Select(p => p.GetRawText())));
            Assert.That(result.Parameter["email_address"]?.GetValue<string>(), Is.EqualTo("john.andersen@example.com"));
        }
    }

    [Test]
    public async Task Execute_UnknownEmail_SucceedsWithFoundUserFalseAndEmptyData()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, PeopleUrl).Respond(request => Answer(requests, request, Fixture.PeopleNotFound));

        var result = await harness.RunOneAsync("get_user", """{"email_address": "nobody@example.com"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(result.Summary["found_user"]?.GetValue<bool>(), Is.False);
            Assert.That(result.Data, Is.Empty);
            Assert.That(requests, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task Execute_PlusAddress_IsPercentEncodedSoWebexDoesNotReadASpace()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, PeopleUrl).Respond(request => Answer(requests, request, Fixture.PeopleNotFound));

        await harness.RunOneAsync("get_user", """{"email_address": "john+soar@example.com"}""");

        var query = requests.Single().Query;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(query, Does.Not.Contain("+"), query);
            Assert.That(Uri.UnescapeDataString(query), Is.EqualTo("?email=john+soar@example.com"));
        }
    }

    [TestCase("""{"email_address": "not-an-email"}""", TestName = "Execute_NotAnEmailAddress_FailsWithoutRequest")]
    [TestCase("""{"email_address": "John Andersen <john.andersen@example.com>"}""", TestName = "Execute_EmailWithDisplayName_FailsWithoutRequest")]
    [TestCase("""{"email_address": ""}""", TestName = "Execute_EmptyEmail_FailsWithoutRequest")]
    [TestCase("{}", TestName = "Execute_MissingEmail_FailsWithoutRequest")]
    [TestCase("""{"email_address": 42}""", TestName = "Execute_EmailAsNumber_FailsWithoutRequest")]
    public async Task Execute_InvalidEmail_FailsNamingParameterWithoutRequest(string parameters)
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("get_user", parameters);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.Contain("email_address"));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    private static HttpResponseMessage Answer(List<Uri> requests, HttpRequestMessage request, string fixture)
    {
        requests.Add(request.RequestUri!);
        return ConnectorHarness.JsonResponse(HttpStatusCode.OK, Fixture.Text(fixture));
    }
}

using System.Net;
using System.Text;
using RichardSzalay.MockHttp;
using WebexConnector.Auth;

namespace WebexConnector.Tests.Auth;

public class BearerTokenHandlerTests
{
    private const string Url = "https://webexapis.com/v1/messages";

    [Test]
    public async Task Send_AnyRequest_CarriesBearerToken()
    {
        using var http = new MockHttpMessageHandler();
        var call = http.Expect(HttpMethod.Get, Url).WithHeaders("Authorization", "Bearer token-one-abcdef").Respond(HttpStatusCode.OK);
        using var client = Client(http, new FakeTokenSource("token-one-abcdef", renewed: null));

        using var response = await client.GetAsync(new Uri(Url));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(http.GetMatchCount(call), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Send_UnauthorizedWithRenewableToken_RepeatsOnceWithNewTokenAndSameBody()
    {
        using var http = new MockHttpMessageHandler();
        var bodies = new List<string>();
        var first = http.Expect(HttpMethod.Post, Url).WithHeaders("Authorization", "Bearer old-token-abcdef")
            .Respond(async request =>
            {
                bodies.Add(await request.Content!.ReadAsStringAsync());
                return new HttpResponseMessage(HttpStatusCode.Unauthorized);
            });
        var second = http.Expect(HttpMethod.Post, Url).WithHeaders("Authorization", "Bearer new-token-abcdef")
            .Respond(async request =>
            {
                bodies.Add(await request.Content!.ReadAsStringAsync());
                return new HttpResponseMessage(HttpStatusCode.OK);
            });
        var tokens = new FakeTokenSource("old-token-abcdef", renewed: "new-token-abcdef");
        using var client = Client(http, tokens);
        using var content = new StringContent("""{"roomId":"r","text":"hi"}""", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri(Url), content);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(http.GetMatchCount(first), Is.EqualTo(1));
            Assert.That(http.GetMatchCount(second), Is.EqualTo(1));
            Assert.That(bodies, Has.Count.EqualTo(2).And.All.EqualTo("""{"roomId":"r","text":"hi"}"""));
            Assert.That(tokens.Rejected, Has.Count.EqualTo(1).And.Contains("old-token-abcdef"));
        }
    }

    [Test]
    public async Task Send_UnauthorizedWithPersonalAccessToken_ReturnsUnauthorizedWithoutRepeating()
    {
        using var http = new MockHttpMessageHandler();
        var call = http.When(HttpMethod.Get, Url).Respond(HttpStatusCode.Unauthorized);
        using var client = Client(http, new PersonalAccessTokenSource("PAT-handler-SECRET-1"));

        using var response = await client.GetAsync(new Uri(Url));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(http.GetMatchCount(call), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Send_UnauthorizedTwice_RepeatsOnlyOnce()
    {
        using var http = new MockHttpMessageHandler();
        var call = http.When(HttpMethod.Get, Url).Respond(HttpStatusCode.Unauthorized);
        using var client = Client(http, new FakeTokenSource("old-token-abcdef", renewed: "new-token-abcdef"));

        using var response = await client.GetAsync(new Uri(Url));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(http.GetMatchCount(call), Is.EqualTo(2));
        }
    }

    [Test]
    public async Task PersonalAccessTokenSource_Token_IsReturnedAndNeverRenewed()
    {
        var source = new PersonalAccessTokenSource("PAT-source-SECRET-2");

        var token = await source.GetAccessTokenAsync(CancellationToken.None);
        var renewed = await source.RenewAfterUnauthorizedAsync(token, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(token, Is.EqualTo("PAT-source-SECRET-2"));
            Assert.That(renewed, Is.Null);
        }
    }

    private static HttpClient Client(HttpMessageHandler inner, IAccessTokenSource tokens) =>
        new(new BearerTokenHandler(tokens) { InnerHandler = inner });

    private sealed class FakeTokenSource(string token, string? renewed) : IAccessTokenSource
    {
        public List<string> Rejected { get; } = [];

        public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(token);

        public ValueTask<string?> RenewAfterUnauthorizedAsync(string rejectedToken, CancellationToken cancellationToken)
        {
            Rejected.Add(rejectedToken);
            return ValueTask.FromResult(renewed);
        }
    }
}

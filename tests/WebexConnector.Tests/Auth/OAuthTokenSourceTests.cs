using System.Net;
using System.Text.Json.Nodes;
using RichardSzalay.MockHttp;
using WebexConnector.Auth;
using WebexConnector.Security;

namespace WebexConnector.Tests.Auth;

/// <summary>Actions with an OAuth asset, through the dispatcher: stored pair, refresh, and no browser.</summary>
public class OAuthTokenSourceTests
{
    private const string ClientId = "C0123oauthclient";
    private const string ClientSecret = "CLIENT-oauth-SECRET-9f8e7d";
    private const string AssetId = "webex-oauth";
    private const string RoomsUrl = ConnectorHarness.BaseUrl + "/rooms";
    private const string TokenUrl = ConnectorHarness.BaseUrl + "/access_token";
    private const string OldAccess = "ACCESS-old-SECRET-111111";
    private const string OldRefresh = "REFRESH-old-SECRET-222222";
    private const string NewAccess = "ACCESS-new-SECRET-333333";
    private const string NewRefresh = "REFRESH-new-SECRET-444444";

    private string _stateDirectory = string.Empty;

    [SetUp]
    public void CreateStateDirectory() =>
        _stateDirectory = Directory.CreateTempSubdirectory("webex-connector-tests-").FullName;

    [TearDown]
    public void DeleteStateDirectory() => Directory.Delete(_stateDirectory, recursive: true);

    [Test]
    public async Task Run_NoStoredPair_FailsTellingToRunTestConnectivityWithoutRequest()
    {
        using var harness = new ConnectorHarness(stateDirectory: _stateDirectory);

        var result = await harness.RunSingleAsync(Run("list_rooms"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.StartWith("Error listing rooms.").And.Contain("test connectivity").IgnoreCase);
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    [Test]
    public async Task Run_FreshStoredPair_UsesStoredAccessTokenWithoutRefresh()
    {
        Store(accessExpiresIn: TimeSpan.FromDays(10));
        using var harness = new ConnectorHarness(stateDirectory: _stateDirectory);
        var rooms = harness.When(HttpMethod.Get, RoomsUrl).WithHeaders("Authorization", $"Bearer {OldAccess}")
            .Respond("application/json", Fixture.Text(Fixture.RoomsPage3));

        var result = await harness.RunSingleAsync(Run("list_rooms"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(harness.Http.GetMatchCount(rooms), Is.EqualTo(1));
            Assert.That(harness.RequestCount, Is.EqualTo(1), "no token request");
            Assert.That(harness.Redactor.Redact(OldAccess), Is.EqualTo(SecretRedactor.Mask));
        }
    }

    [Test]
    public async Task Run_AccessTokenAboutToExpire_RefreshesFirstAndStoresNewPair()
    {
        Store(accessExpiresIn: TimeSpan.FromSeconds(30));
        using var harness = new ConnectorHarness(stateDirectory: _stateDirectory);
        var refresh = harness.Expect(HttpMethod.Post, TokenUrl)
            .WithFormData(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["client_id"] = ClientId,
                ["client_secret"] = ClientSecret,
                ["refresh_token"] = OldRefresh,
            })
            .Respond("application/json", TokenAnswer());
        var rooms = harness.Expect(HttpMethod.Get, RoomsUrl).WithHeaders("Authorization", $"Bearer {NewAccess}")
            .Respond("application/json", Fixture.Text(Fixture.RoomsPage3));

        var result = await harness.RunSingleAsync(Run("list_rooms"));

        var stored = new TokenStateStore(_stateDirectory, AssetId).Load();
        var stateText = File.ReadAllText(Path.Combine(_stateDirectory, $"{AssetId}_state.json"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(harness.Http.GetMatchCount(refresh), Is.EqualTo(1));
            Assert.That(harness.Http.GetMatchCount(rooms), Is.EqualTo(1));
            Assert.That(stored?.AccessToken, Is.EqualTo(NewAccess));
            Assert.That(stored?.RefreshToken, Is.EqualTo(NewRefresh), "the refresh token that came back is kept");
            Assert.That(stored?.AccessTokenExpiresAt, Is.GreaterThan(DateTimeOffset.UtcNow.AddDays(13)));
            Assert.That(stateText, Does.Not.Contain(ClientSecret), "the state file never holds the client secret");
            Assert.That(harness.Redactor.Redact($"{NewAccess} {NewRefresh}"), Is.EqualTo($"{SecretRedactor.Mask} {SecretRedactor.Mask}"));
        }
    }

    [Test]
    public async Task Run_UnauthorizedWithFreshPair_RefreshesOnceAndRepeatsRequest()
    {
        Store(accessExpiresIn: TimeSpan.FromDays(10));
        using var harness = new ConnectorHarness(stateDirectory: _stateDirectory);
        var refused = harness.Expect(HttpMethod.Get, RoomsUrl).WithHeaders("Authorization", $"Bearer {OldAccess}")
            .Respond(HttpStatusCode.Unauthorized, "application/json", Fixture.Text(Fixture.Error401));
        var refresh = harness.Expect(HttpMethod.Post, TokenUrl).WithFormData("grant_type", "refresh_token")
            .Respond("application/json", TokenAnswer());
        var accepted = harness.Expect(HttpMethod.Get, RoomsUrl).WithHeaders("Authorization", $"Bearer {NewAccess}")
            .Respond("application/json", Fixture.Text(Fixture.RoomsPage3));

        var result = await harness.RunSingleAsync(Run("list_rooms"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(new[] { refused, refresh, accepted }.Select(harness.Http.GetMatchCount), Has.All.EqualTo(1));
        }
    }

    [Test]
    public async Task Run_RefreshRefused_FailsTellingToRunTestConnectivity()
    {
        Store(accessExpiresIn: TimeSpan.FromSeconds(5));
        using var harness = new ConnectorHarness(stateDirectory: _stateDirectory);
        harness.When(HttpMethod.Post, TokenUrl).Respond(HttpStatusCode.BadRequest, "application/json",
            """{"error":"invalid_grant","error_description":"The refresh token is invalid.","trackingId":"ROUTER_OAUTH"}""");
        var rooms = harness.When(HttpMethod.Get, RoomsUrl).Respond("application/json", Fixture.Text(Fixture.RoomsPage3));

        var result = await harness.RunSingleAsync(Run("list_rooms"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.StartWith("Error listing rooms.").And.Contain("test connectivity").IgnoreCase);
            Assert.That(result.Message, Does.Contain("400"));
            Assert.That(result.Message, Does.Not.Contain(OldRefresh).And.Not.Contain(ClientSecret));
            Assert.That(harness.Http.GetMatchCount(rooms), Is.Zero);
        }
    }

    [Test]
    public async Task Run_RefreshTokenExpired_FailsWithoutAnyRequest()
    {
        Store(accessExpiresIn: TimeSpan.FromSeconds(-100), refreshExpiresIn: TimeSpan.FromSeconds(-10));
        using var harness = new ConnectorHarness(stateDirectory: _stateDirectory);

        var result = await harness.RunSingleAsync(Run("get_user", """{"email_address": "john.andersen@example.com"}"""));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.Contain("test connectivity").IgnoreCase);
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    [TestCase("C0another-integration", "https://webexapis.com", TestName = "Run_PairOfAnotherClientId_FailsNamingItsOwnerWithoutSendingItsTokens")]
    [TestCase(ClientId, "https://lab.example.com", TestName = "Run_PairOfAnotherOrigin_FailsNamingItsOwnerWithoutSendingItsTokens")]
    [TestCase(ClientId, null, TestName = "Run_PairOfAnEarlierVersionWithoutOwner_FailsWithoutSendingItsTokens")]
    public async Task Run_PairOfAnotherIntegration_FailsNamingItsOwnerWithoutSendingItsTokens(string clientId, string? origin)
    {
        Store(accessExpiresIn: TimeSpan.FromSeconds(10), clientId: clientId, origin: origin);
        using var harness = new ConnectorHarness(stateDirectory: _stateDirectory);

        var result = await harness.RunSingleAsync(Run("list_rooms"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.Contain("belongs to").And.Contain("not to this asset's integration").And.Contain("test connectivity"));
            Assert.That(harness.RequestCount, Is.Zero, "neither the access token nor the refresh token travels anywhere");
            Assert.That(File.ReadAllText(Path.Combine(_stateDirectory, AssetId + "_state.json")), Does.Contain(OldRefresh), "the other pair is left as it was");
        }
    }

    [Test]
    public async Task Run_RefreshedPair_RecordsTheClientIdAndOriginItWasIssuedFor()
    {
        Store(accessExpiresIn: TimeSpan.FromSeconds(10));
        using var harness = new ConnectorHarness(stateDirectory: _stateDirectory);
        harness.When(HttpMethod.Post, TokenUrl).Respond("application/json", TokenAnswer());
        harness.When(HttpMethod.Get, RoomsUrl).Respond("application/json", Fixture.Text(Fixture.RoomsPage3));

        var result = await harness.RunSingleAsync(Run("list_rooms"));

        var stored = JsonNode.Parse(File.ReadAllText(Path.Combine(_stateDirectory, AssetId + "_state.json")))!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(stored["client_id"]?.GetValue<string>(), Is.EqualTo(ClientId));
            Assert.That(stored["origin"]?.GetValue<string>(), Is.EqualTo("https://webexapis.com"));
            Assert.That(stored.ToJsonString(), Does.Not.Contain(ClientSecret), "never the secret");
        }
    }

    private void Store(TimeSpan accessExpiresIn, TimeSpan? refreshExpiresIn = null, string clientId = ClientId, string? origin = "https://webexapis.com")
    {
        var now = DateTimeOffset.UtcNow;
        new TokenStateStore(_stateDirectory, AssetId).Save(new TokenPair
        {
            AccessToken = OldAccess,
            AccessTokenExpiresAt = now + accessExpiresIn,
            RefreshToken = OldRefresh,
            RefreshTokenExpiresAt = now + (refreshExpiresIn ?? TimeSpan.FromDays(60)),
            Scope = "spark:people_read spark:rooms_read spark:messages_write",
            ClientId = clientId,
            Origin = origin,
        });
    }

    private static string TokenAnswer() => new JsonObject
    {
        ["access_token"] = NewAccess,
        ["expires_in"] = 1209600,
        ["refresh_token"] = NewRefresh,
        ["refresh_token_expires_in"] = 7776000,
        ["token_type"] = "Bearer",
    }.ToJsonString();

    private static WebexConnector.Runs.ConnectorRun Run(string identifier, string parameters = "{}") =>
        ConnectorHarness.Run(
            identifier,
            new JsonObject { ["client_id"] = ClientId, ["client_secret"] = ClientSecret }.ToJsonString(),
            assetId: AssetId,
            parameters: parameters);
}

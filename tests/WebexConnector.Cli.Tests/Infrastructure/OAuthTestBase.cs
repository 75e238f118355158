using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace WebexConnector.Cli.Tests.Infrastructure;

/// <summary>The authorize URL the CLI printed, parsed.</summary>
public sealed record AuthorizeRequest(Uri Url, IReadOnlyDictionary<string, string?> Query)
{
    public string? Value(string name) => Query.TryGetValue(name, out var value) ? value : null;

    public string State => Value("state") ?? "";

    public string CodeChallenge => Value("code_challenge") ?? "";

    public string RedirectUri => Value("redirect_uri") ?? "";
}

/// <summary>What the browser saw at the redirect URI.</summary>
public sealed record BrowserResponse(HttpStatusCode Status, string Body);

/// <summary>
/// OAuth end-to-end tests: a <see cref="FakeTokenEndpoint"/> on the fake server, a free loopback port for
/// <c>redirect_uri</c>, and helpers where the test plays the browser against the real CLI process.
/// </summary>
public abstract class OAuthTestBase : CliTestBase
{
    /// <summary>The line prefix test connectivity prints to stderr.</summary>
    protected const string PromptPrefix = "Open this URL in a browser to authorize: ";

    /// <summary>What the browser must be answered with.</summary>
    protected const string SuccessPage = "Code received. Please close this window, the action will continue to get new token.";

    protected const string DefaultScope = "spark:people_read spark:rooms_read spark:messages_write";

    /// <summary>The asset id of <see cref="CliTestBase.WriteAsset"/>'s default file name.</summary>
    protected const string AssetId = "webex-test";

    protected static readonly TimeSpan PromptTimeout = TimeSpan.FromSeconds(30);

    private static readonly HttpClient Browser = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false })
    {
        Timeout = TimeSpan.FromSeconds(20),
    };

    private FakeTokenEndpoint? _tokens;

    /// <summary>The fake <c>POST /v1/access_token</c>; its tokens and codes are registered with the leak check.</summary>
    protected FakeTokenEndpoint Tokens => _tokens ?? throw new InvalidOperationException("SetUp did not run.");

    /// <summary>This test's <c>redirect_uri</c>: <c>http://127.0.0.1:{free port}/result</c>.</summary>
    protected string RedirectUri { get; private set; } = "";

    [SetUp]
    public void StartTokenEndpoint()
    {
        _tokens = new FakeTokenEndpoint(Server, ClientId, ClientSecret, Cli.RegisterSecret);
        RedirectUri = $"http://127.0.0.1:{FreeLoopbackPort().ToString(CultureInfo.InvariantCulture)}/result";
    }

    /// <summary>A port on 127.0.0.1 that was free a moment ago.</summary>
    protected static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>An OAuth asset (client id and secret, no PAT) with this test's redirect URI.</summary>
    protected JsonObject OAuthAsset(double authTimeoutSeconds = 30)
    {
        var config = OAuthConfig();
        config["redirect_uri"] = RedirectUri;
        config["auth_timeout_seconds"] = authTimeoutSeconds;
        return config;
    }

    /// <summary><c>{state dir}/{asset id}_state.json</c>.</summary>
    protected string StateFile(string? stateDir = null, string assetId = AssetId) =>
        Path.Combine(stateDir ?? Cli.StateDir, $"{assetId}_state.json");

    /// <summary>Waits for the authorize URL on the process's stderr and parses it.</summary>
    protected static async Task<AuthorizeRequest> ReadAuthorizeUrlAsync(CliProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var line = await process.WaitForStderrLineAsync(
            l => l.StartsWith(PromptPrefix, StringComparison.Ordinal), PromptTimeout, $"starting with '{PromptPrefix}'");
        var url = new Uri(line[PromptPrefix.Length..].Trim());
        var query = QueryHelpers.ParseQuery(url.Query).ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.Ordinal);
        return new AuthorizeRequest(url, query);
    }

    /// <summary>The browser coming back from Webex: <c>GET {redirect_uri}?{query}</c>.</summary>
    protected Task<BrowserResponse> BrowserRedirectAsync(params (string Name, string Value)[] query) =>
        BrowserRedirectToAsync(RedirectUri, query);

    /// <summary><c>GET {redirectUri}?{query}</c>.</summary>
    protected static Task<BrowserResponse> BrowserRedirectToAsync(string redirectUri, params (string Name, string Value)[] query) =>
        BrowserGetAsync(redirectUri + "?" + string.Join("&", query.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}")));

    protected static async Task<BrowserResponse> BrowserGetAsync(string url)
    {
        using var response = await Browser.GetAsync(new Uri(url));
        return new BrowserResponse(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Consents in the "browser": issues a code for the request's PKCE challenge and brings it, with the state, to
    /// the <c>redirect_uri</c> of the authorize request (as Webex redirects the browser).
    /// </summary>
    protected async Task<(BrowserResponse Response, string Code)> ConsentAsync(AuthorizeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var code = Tokens.IssueCode(request.CodeChallenge, request.RedirectUri);
        var response = await BrowserRedirectToAsync(request.RedirectUri, ("code", code), ("state", request.State));
        return (response, code);
    }

    /// <summary>
    /// Runs test connectivity on <paramref name="assetPath"/> and plays the browser (consents), asserting that
    /// it passed; the token pair is then stored. Returns the run and the authorize request.
    /// </summary>
    protected async Task<(CliResult Result, AuthorizeRequest Request)> AuthorizeAsync(string assetPath, params string[] extraArgs)
    {
        await using var process = Cli.Start(["test-connectivity", "--asset", assetPath, .. extraArgs]);
        var request = await ReadAuthorizeUrlAsync(process);
        var (response, _) = await ConsentAsync(request);
        var result = await process.WaitForExitAsync();
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), () => $"browser answer: {response.Body}{Environment.NewLine}{result.Describe()}");
        AssertSucceeded(result);
        Assert.That(Str(result.ActionResult()["message"]), Is.EqualTo("Test Connectivity Passed"), result.Describe);
        return (result, request);
    }

    /// <summary>Writes the OAuth asset and authorizes it (<see cref="AuthorizeAsync"/>); returns the asset path.</summary>
    protected async Task<string> WriteAuthorizedAssetAsync()
    {
        var asset = WriteAsset(OAuthAsset());
        await AuthorizeAsync(asset);

        // From here on no run should wait for a browser long: a wrongly printed URL fails fast.
        return WriteAsset(OAuthAsset(authTimeoutSeconds: 2));
    }

    /// <summary>No line of stderr asks for a browser.</summary>
    protected static void AssertNoBrowserPrompt(CliResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Assert.That(result.Stderr, Does.Not.Contain(PromptPrefix.Trim()), () => $"only test connectivity without a usable pair waits for a browser.{Environment.NewLine}{result.Describe()}");
    }

    /// <summary>The message tells the operator to run test connectivity.</summary>
    protected static void AssertTellsToRunTestConnectivity(string message) =>
        Assert.That(
            System.Text.RegularExpressions.Regex.IsMatch(message, "test[ _-]connectivity", System.Text.RegularExpressions.RegexOptions.IgnoreCase),
            Is.True,
            () => $"the message tells the operator to run test connectivity: {message}");
}

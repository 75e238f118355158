using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using RichardSzalay.MockHttp;
using WebexConnector.Results;
using WebexConnector.Runs;
using WebexConnector.Security;

namespace WebexConnector.Tests.TestSupport;

/// <summary>
/// Runs actions through the real dispatcher (<see cref="ConnectorRunner"/>) with a MockHttp handler as the
/// primary handler of every Webex client, so everything above the socket (Refit, the bearer handler, paging,
/// error mapping) is the library's own code.
/// </summary>
internal sealed class ConnectorHarness : IDisposable
{
    /// <summary>The Personal Access Token of the default asset config.</summary>
    public const string Pat = "PAT-unit-SECRET-4b7e1d9c";

    public const string BaseUrl = "https://webexapis.com/v1";

    private readonly List<MockedRequest> _mocks = [];

    /// <param name="timeScale">How many times faster than real time timers run (retry waits, timeouts).</param>
    /// <param name="stateDirectory">Where OAuth state files live; tests pass a temporary folder.</param>
    /// <param name="time">A clock of the test's own (e.g. a FakeTimeProvider); wins over <paramref name="timeScale"/>.</param>
    /// <param name="prompt">Where test connectivity prints what the person must do; discarded when not given.</param>
    public ConnectorHarness(double timeScale = 1, string? stateDirectory = null, TimeProvider? time = null, TextWriter? prompt = null)
    {
        Runner = new ConnectorRunner(new ConnectorRunnerOptions
        {
            Redactor = Redactor,
            StateDirectory = stateDirectory,
            StatusWriter = prompt ?? TextWriter.Null,
            TimeProvider = time ?? (timeScale == 1 ? TimeProvider.System : new ScaledTimeProvider(timeScale)),
            ConfigureServices = UseFakeWebex,
        });
    }

    public MockHttpMessageHandler Http { get; } = new();

    public SecretRedactor Redactor { get; } = new();

    public ConnectorRunner Runner { get; }

    /// <summary>Every request that reached the fake Webex, matched or not.</summary>
    public int RequestCount => _mocks.Sum(Http.GetMatchCount) + Http.GetMatchCount(Http.Fallback);

    public static string DefaultConfig => new JsonObject { ["authorization_key"] = Pat }.ToJsonString();

    /// <summary>A request expectation (matched once, in order) that the harness counts.</summary>
    public MockedRequest Expect(HttpMethod method, string url)
    {
        var mock = Http.Expect(method, url);
        _mocks.Add(mock);
        return mock;
    }

    /// <summary>A backend definition (matched any number of times) that the harness counts.</summary>
    public MockedRequest When(HttpMethod method, string url)
    {
        var mock = Http.When(method, url);
        _mocks.Add(mock);
        return mock;
    }

    /// <summary>
    /// Makes <see cref="Http"/> the primary handler of every HTTP client of the run.
    /// <c>ConfigureHttpClientDefaults(b =&gt; b.ConfigurePrimaryHttpMessageHandler(...))</c> does not work here: the
    /// Refit clients (<c>AddRefitGeneratedClient</c>) still got an <c>HttpClientHandler</c> as primary handler, so
    /// requests went to the real network (the defaults are applied before each named client's own configuration).
    /// A handler-builder action for all names, registered after the library's registrations, runs last and wins.
    /// </summary>
    private void UseFakeWebex(IServiceCollection services) =>
        services.ConfigureAll<HttpClientFactoryOptions>(options =>
            options.HttpMessageHandlerBuilderActions.Add(builder => builder.PrimaryHandler = Http));

    public static ConnectorRun Run(string identifier, string? config = null, string? action = null, string assetId = "unit-test", params string[] parameters) =>
        new()
        {
            Identifier = identifier,
            Action = action,
            AssetId = assetId,
            Config = TestJson.Parse(config ?? DefaultConfig),
            Parameters = [.. parameters.Select(TestJson.Parse)],
        };

    public Task<ConnectorRunResult> RunAsync(ConnectorRun run) => Runner.RunAsync(run, CancellationToken.None);

    /// <summary>Runs <paramref name="identifier"/> with the default PAT config, once per parameter entry.</summary>
    public Task<ConnectorRunResult> RunAsync(string identifier, params string[] parameters) =>
        RunAsync(Run(identifier, parameters: parameters));

    /// <summary>Runs with exactly one parameter entry and returns its action result.</summary>
    public Task<ActionResult> RunOneAsync(string identifier, string parameters = "{}") =>
        RunSingleAsync(Run(identifier, parameters: parameters));

    /// <summary>Runs <paramref name="run"/>, which must have exactly one parameter entry, and returns its action result.</summary>
    public async Task<ActionResult> RunSingleAsync(ConnectorRun run)
    {
        var result = await RunAsync(run);
        Assert.That(result.Results, Has.Count.EqualTo(1), () => $"Invocation: {result.Message}");
        return result.Results[0];
    }

    public static HttpResponseMessage JsonResponse(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    /// <summary>
    /// One page of a Webex list from <paramref name="fixture"/>, with a <c>Link: &lt;next&gt;; rel="next"</c> header when
    /// <paramref name="next"/> is given; records the requested URL in <paramref name="requests"/>.
    /// </summary>
    public static HttpResponseMessage Page(List<Uri> requests, HttpRequestMessage request, string fixture, string? next = null)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(request);
        requests.Add(request.RequestUri!);
        return next is null
            ? JsonResponse(HttpStatusCode.OK, Fixture.Text(fixture))
            : JsonResponse(HttpStatusCode.OK, Fixture.Text(fixture), ("Link", $"<{next}>; rel=\"next\""));
    }

    /// <summary>The query of <paramref name="uri"/> as name → decoded value, in order.</summary>
    public static Dictionary<string, string?> Query(Uri uri)
    {
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        return query.AllKeys.ToDictionary(key => key ?? string.Empty, key => query[key], StringComparer.Ordinal);
    }

    public static string Describe(ActionResult result) =>
        $"{result.Status}: {result.Message}; data: {JsonSerializer.Serialize(result.Data.Select(d => d.GetRawText()))}";

    public void Dispose() => Http.Dispose();
}

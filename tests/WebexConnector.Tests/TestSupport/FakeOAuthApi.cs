using System.Net;
using System.Text;
using WebexConnector.Webex;

namespace WebexConnector.Tests.TestSupport;

/// <summary>One <c>POST /device/token</c> the flow sent: when (on the test's clock), its Authorization header and form.</summary>
internal sealed record DevicePollRequest(TimeSpan At, string Authorization, IReadOnlyDictionary<string, string> Form);

/// <summary>
/// Webex's OAuth endpoints without HTTP: answers complete synchronously, so a FakeTimeProvider's <c>Advance</c> runs
/// the poll loop to its next wait and every recorded time is exact.
/// </summary>
internal sealed class FakeOAuthApi(TimeProvider time) : IOAuthApi
{
    private readonly DateTimeOffset _start = time.GetUtcNow();

    /// <summary>The answer of <c>POST /device/authorize</c>.</summary>
    public string DeviceCodeAnswer { get; set; } = "{}";

    public Dictionary<string, string>? DeviceCodeForm { get; private set; }

    /// <summary>The answer to the n-th poll (0-based); the default always says <c>authorization_pending</c>.</summary>
    public Func<int, HttpResponseMessage> PollAnswer { get; set; } = _ => Pending();

    public List<DevicePollRequest> Polls { get; } = [];

    /// <summary>The poll times, in whole seconds since the test started.</summary>
    public IEnumerable<double> PollSeconds => Polls.Select(p => p.At.TotalSeconds);

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Pending() => Json(HttpStatusCode.BadRequest, """{"error":"authorization_pending"}""");

    public static HttpResponseMessage Tokens(string access, string refresh) =>
        Json(HttpStatusCode.OK, $$"""{"access_token":"{{access}}","expires_in":1209599,"refresh_token":"{{refresh}}","refresh_token_expires_in":7775999,"token_type":"Bearer"}""");

    public Task<HttpResponseMessage> RequestTokenAsync(Dictionary<string, string> form, CancellationToken cancellationToken) =>
        throw new AssertionException("the device flow does not call /access_token");

    public Task<HttpResponseMessage> RequestDeviceCodeAsync(Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        DeviceCodeForm = form;
        return Task.FromResult(Json(HttpStatusCode.OK, DeviceCodeAnswer));
    }

    public Task<HttpResponseMessage> RequestDeviceTokenAsync(string authorization, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        Polls.Add(new DevicePollRequest(time.GetUtcNow() - _start, authorization, form));
        return Task.FromResult(PollAnswer(Polls.Count - 1));
    }
}

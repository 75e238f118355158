using System.Net;
using RichardSzalay.MockHttp;
using WebexConnector.Webex;

namespace WebexConnector.Tests.Webex;

/// <summary><see cref="WebexPager.CollectAsync(HttpClient, Func{int, CancellationToken, Task{HttpResponseMessage}}, long?, int, CancellationToken)"/>: the page-size cap of calls that take less than 1000.</summary>
public class WebexPagerPageSizeTests
{
    private const string Url = "https://webexapis.com/v1/messages";

    [TestCase(null, 1000, 1000)]
    [TestCase(null, 100, 100)]
    [TestCase(30L, 100, 30)]
    [TestCase(500L, 100, 100)]
    [TestCase(5000L, 1000, 1000)]
    public async Task Collect_PageSizeCap_AsksForMinOfLimitAndCap(long? limit, int cap, int expectedMax)
    {
        using var http = new MockHttpMessageHandler();
        http.When(Url).Respond("application/json", Fixture.Text(Fixture.MessagesEmpty));
        using var client = http.ToHttpClient();
        var asked = new List<int>();

        await WebexPager.CollectAsync(
            client,
            (max, ct) =>
            {
                asked.Add(max);
                return client.GetAsync(new Uri(Url), ct);
            },
            limit,
            cap,
            CancellationToken.None);

        Assert.That(asked, Is.EqualTo(new[] { expectedMax }));
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(1001)]
    public void Collect_CapOutside1To1000_IsRefusedBeforeAnyRequest(int cap)
    {
        using var client = new HttpClient();
        var called = false;

        Assert.That(
            () => WebexPager.CollectAsync(client, (_, _) =>
            {
                called = true;
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
            }, limit: null, cap, CancellationToken.None),
            Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(called, Is.False);
    }
}

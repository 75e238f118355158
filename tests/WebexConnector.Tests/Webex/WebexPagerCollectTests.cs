using System.Net;
using RichardSzalay.MockHttp;
using WebexConnector.Webex;

namespace WebexConnector.Tests.Webex;

public class WebexPagerCollectTests
{
    [TestCase(null, null, 1000)]
    [TestCase(5L, null, 5)]
    [TestCase(5000L, null, 1000)]
    [TestCase(null, 50, 50)]
    [TestCase(20L, 50, 20)]
    [TestCase(500L, 50, 50)]
    [TestCase(null, 5000, 1000)]
    public async Task Collect_LimitAndPageSizeCap_AsksForTheSmallestOfLimitCapAnd1000(long? limit, int? cap, int expectedMax)
    {
        using var http = new MockHttpMessageHandler();
        http.When("https://webexapis.com/v1/people").Respond("application/json", Fixture.Text(Fixture.PeopleByEmail));
        using var client = http.ToHttpClient();
        var asked = new List<int>();

        var items = await WebexPager.CollectAsync(
            client,
            (max, ct) =>
            {
                asked.Add(max);
                return client.GetAsync(new Uri("https://webexapis.com/v1/people"), HttpCompletionOption.ResponseHeadersRead, ct);
            },
            limit,
            CancellationToken.None,
            cap);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(asked, Is.EqualTo(new[] { expectedMax }));
            Assert.That(items, Has.Count.EqualTo(1));
        }
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void Collect_PageSizeCapBelowOne_IsRefusedBeforeAnyRequest(int cap)
    {
        using var http = new MockHttpMessageHandler();
        using var client = http.ToHttpClient();
        var called = false;

        Assert.That(
            () => WebexPager.CollectAsync(client, (_, _) => { called = true; return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)); }, null, CancellationToken.None, cap),
            Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(called, Is.False);
    }
}

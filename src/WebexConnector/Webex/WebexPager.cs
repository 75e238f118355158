using System.Runtime.CompilerServices;
using System.Text.Json;

namespace WebexConnector.Webex;

/// <summary>Follows Webex <c>Link: &lt;...&gt;; rel="next"</c> pagination, page by page, until done or a limit is reached.</summary>
public static class WebexPager
{
    /// <summary>Webex's largest page for list calls.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>
    /// Reads a listing into one list, asking for pages of <c>min(limit, 1000)</c> items so that a small
    /// <paramref name="limit"/> costs one small request and a whole listing the fewest requests.
    /// </summary>
    /// <param name="client">The client the API was built on; next-page links are followed with it.</param>
    /// <param name="firstPage">Requests the first page with the given <c>max</c>.</param>
    /// <param name="limit">At most this many items; <c>null</c> for all of them.</param>
    /// <param name="cancellationToken">Stops the listing.</param>
    public static Task<List<JsonElement>> CollectAsync(
        HttpClient client,
        Func<int, CancellationToken, Task<HttpResponseMessage>> firstPage,
        long? limit,
        CancellationToken cancellationToken) =>
        CollectAsync(client, firstPage, limit, MaxPageSize, cancellationToken);

    /// <inheritdoc cref="CollectAsync(HttpClient, Func{int, CancellationToken, Task{HttpResponseMessage}}, long?, CancellationToken)"/>
    /// <param name="maxPageSize">
    /// The largest <c>max</c> this call accepts, when Webex allows less than <see cref="MaxPageSize"/>
    /// (e.g. 100 for messages filtered by <c>mentionedPeople</c>).
    /// </param>
    public static async Task<List<JsonElement>> CollectAsync(
        HttpClient client,
        Func<int, CancellationToken, Task<HttpResponseMessage>> firstPage,
        long? limit,
        int maxPageSize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(firstPage);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxPageSize, MaxPageSize);
        var bounded = limit is { } wanted ? (int)Math.Min(wanted, int.MaxValue) : (int?)null;
        var pageSize = Math.Min(bounded ?? maxPageSize, maxPageSize);
        var found = new List<JsonElement>();
        await foreach (var item in ReadAllAsync(client, ct => firstPage(pageSize, ct), bounded, cancellationToken).ConfigureAwait(false))
        {
            found.Add(item);
        }

        return found;
    }

    /// <summary>
    /// Yields every item of the first page and of each <c>next</c> page. The next URL is followed exactly as
    /// given (it is opaque), but only on the origin of the first request: the bearer token must not travel elsewhere.
    /// </summary>
    public static async IAsyncEnumerable<JsonElement> ReadAllAsync(
        HttpClient client,
        Func<CancellationToken, Task<HttpResponseMessage>> firstPage,
        int? limit,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var yielded = 0;
        var followed = new HashSet<string>(StringComparer.Ordinal);
        var response = await firstPage(cancellationToken).ConfigureAwait(false);
        var origin = response.RequestMessage?.RequestUri;
        while (true)
        {
            IReadOnlyList<JsonElement> items;
            Uri? next;
            using (response)
            {
                items = await WebexResponses.ReadItemsAsync(response, cancellationToken).ConfigureAwait(false);
                next = LinkHeader.FindNext(response);
            }

            foreach (var item in items)
            {
                if (yielded == limit)
                {
                    yield break;
                }

                yielded++;
                yield return item;
            }

            if (next is null || yielded == limit)
            {
                yield break;
            }

            EnsureSameOrigin(origin, next);
            if (!followed.Add(next.AbsoluteUri))
            {
                throw new WebexPaginationException("Webex gave the same next-page link twice; stopped to avoid a loop.");
            }

            response = await client.GetAsync(next, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void EnsureSameOrigin(Uri? origin, Uri next)
    {
        if (origin is null || Uri.Compare(origin, next, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new WebexPaginationException(
                $"Webex gave a next-page link to another host ({next.GetLeftPart(UriPartial.Authority)}); it was not followed, so the token stays with Webex.");
        }
    }
}

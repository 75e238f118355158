using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace WebexConnector.Webex;

/// <summary>Follows Webex <c>Link: &lt;...&gt;; rel="next"</c> pagination, page by page, until done or a limit is reached.</summary>
internal static class WebexPager
{
    /// <summary>Webex's largest page for list calls.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>
    /// A listing never holds more items than this, whatever the server sends: 250,000 is far more than one action
    /// result is useful for, and bounds memory (about 100-200 MB of Webex JSON). <c>limit</c> may not exceed it.
    /// </summary>
    public const int MaxItems = 250_000;

    /// <summary>A listing never reads more pages than this (a server may ignore <c>max</c> and send small pages).</summary>
    public const int MaxPages = 5_000;

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
        await foreach (var item in ReadAllAsync(client, firstPage, limit, new ListingBounds(MaxItems, MaxPages), cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    /// <inheritdoc cref="ReadAllAsync(HttpClient, Func{CancellationToken, Task{HttpResponseMessage}}, int?, CancellationToken)"/>
    internal static async IAsyncEnumerable<JsonElement> ReadAllAsync(
        HttpClient client,
        Func<CancellationToken, Task<HttpResponseMessage>> firstPage,
        int? limit,
        ListingBounds bounds,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var yielded = 0;
        var pages = 0;
        var followed = new HashSet<string>(StringComparer.Ordinal);
        var seen = new SeenItems();
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

            pages++;
            Runs.ActionProgress.Current?.ListingPageRead(pages, yielded + items.Count);

            // A server that sends the same items under new cursors would otherwise be followed forever.
            var anyNew = seen.AnyNew(items);
            if (pages > 1 && items.Count > 0 && !anyNew)
            {
                throw new WebexPaginationException(
                    $"Webex sent page {pages} of the listing with only items it had already sent; stopped, since the listing would never end.");
            }

            foreach (var item in items)
            {
                if (yielded == limit)
                {
                    yield break;
                }

                if (yielded == bounds.MaxItems)
                {
                    throw TooLarge(bounds);
                }

                yielded++;
                yield return item;
            }

            if (next is null || yielded == limit)
            {
                yield break;
            }

            if (pages == bounds.MaxPages)
            {
                throw TooLarge(bounds);
            }

            EnsureSameOrigin(origin, next);
            if (!followed.Add(next.AbsoluteUri))
            {
                throw new WebexPaginationException("Webex gave the same next-page link twice; stopped to avoid a loop.");
            }

            response = await client.GetAsync(next, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
    }

    private static WebexPaginationException TooLarge(ListingBounds bounds) => new(string.Create(
        CultureInfo.InvariantCulture,
        $"The listing is larger than the connector reads in one action ({bounds.MaxItems:N0} items or {bounds.MaxPages:N0} pages); narrow it with the action's filters or set 'limit'."));

    private static void EnsureSameOrigin(Uri? origin, Uri next)
    {
        if (origin is null || Uri.Compare(origin, next, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new WebexPaginationException(
                $"Webex gave a next-page link to another host ({next.GetLeftPart(UriPartial.Authority)}); it was not followed, so the token stays with Webex.");
        }
    }
}

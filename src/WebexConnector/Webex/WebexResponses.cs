using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using WebexConnector.Security;

namespace WebexConnector.Webex;

/// <summary>Reads Webex answers: success bodies streamed and deserialised once, failures turned into <see cref="WebexApiException"/>.</summary>
internal static class WebexResponses
{
    // An error body is only read for its message; a proxy's HTML page can be large.
    private const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>Deserialises a successful answer once, or throws <see cref="WebexApiException"/> (also for a body that is not JSON).</summary>
    public static async Task<T?> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await DeserializeAsync(response, typeInfo, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a single Webex object, unchanged, or throws <see cref="WebexApiException"/>.</summary>
    public static async Task<JsonElement> ReadObjectAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var element = await ReadAsync(response, WebexJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false);
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new WebexApiException(response.StatusCode, "Webex answered with JSON that is not an object.", TrackingIdHeader(response));
        }

        return element;
    }

    /// <summary>Reads one page of a list call; a page without <c>items</c> is an error, not an empty list.</summary>
    public static async Task<IReadOnlyList<JsonElement>> ReadItemsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // One document per page, whose items are views into it (not a document and a copy per item): a listing of
        // 100,000 rooms is held in about the size of its JSON. The document lives as long as its items.
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        JsonDocument page;
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                page = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                throw new WebexApiException(response.StatusCode, "Webex answered with a body that is not valid JSON.", TrackingIdHeader(response));
            }
        }

        return page.RootElement is { ValueKind: JsonValueKind.Object } root
            && root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
            ? [.. items.EnumerateArray()]
            : throw new WebexApiException(response.StatusCode, "Webex answered without an 'items' list.", TrackingIdHeader(response));
    }

    /// <summary>Throws <see cref="WebexApiException"/> with Webex's message and tracking id when the call failed.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await ReadBoundedAsync(response, cancellationToken).ConfigureAwait(false);
        var error = TryParseError(body);
        var details = Combine(
                FirstNonEmpty(error?.Message, error?.ErrorDescription, error?.Error),
                FirstNonEmpty(error?.Errors?.FirstOrDefault()?.Description))
            ?? (body.Length == 0 ? "(empty response body)" : TextSanitizer.Excerpt(body));
        throw new WebexApiException(response.StatusCode, details, FirstNonEmpty(error?.TrackingId, TrackingIdHeader(response)));
    }

    private static async Task<T?> DeserializeAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                throw new WebexApiException(response.StatusCode, "Webex answered with a body that is not valid JSON.", TrackingIdHeader(response));
            }
        }
    }

    private static WebexErrorBody? TryParseError(string body)
    {
        if (!body.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, WebexJsonContext.Default.WebexErrorBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<string> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[MaxErrorBodyBytes];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            return Encoding.UTF8.GetString(buffer, 0, total);
        }
    }

    // Webex's "message" is often generic ("The request could not be understood by the server due to malformed
    // syntax.") while errors[].description names the cause ("Client Id is invalid"): show both when they differ.
    private static string? Combine(string? message, string? description) =>
        message is null ? description
        : description is null || message.Contains(description, StringComparison.OrdinalIgnoreCase) ? message
        : $"{message.TrimEnd('.')} ({description.TrimEnd('.')}).";

    private static string? TrackingIdHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Trackingid", out var values) ? FirstNonEmpty(values.FirstOrDefault()) : null;

    private static string? FirstNonEmpty(params string?[] values) =>
        values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) is { } value ? TextSanitizer.Excerpt(value) : null;
}

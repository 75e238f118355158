using System.Text.Json;

namespace WebexConnector.Webex;

/// <summary>
/// Remembers the <c>id</c>s of the items a listing has yielded, as 64-bit FNV-1a hashes (8 bytes each, so even the
/// largest listing costs a few MB), to notice a page that brings nothing new.
/// </summary>
internal sealed class SeenItems
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;
    private readonly HashSet<ulong> _ids = [];

    /// <summary>Records the page's ids; <c>true</c> when at least one was new, or an item has no id to compare.</summary>
    public bool AnyNew(IReadOnlyList<JsonElement> items)
    {
        var anyNew = false;
        foreach (var item in items)
        {
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("id", out var id)
                || id.ValueKind != JsonValueKind.String)
            {
                anyNew = true;
                continue;
            }

            anyNew |= _ids.Add(Hash(id.GetString()!));
        }

        return anyNew;
    }

    private static ulong Hash(string text)
    {
        var hash = OffsetBasis;
        foreach (var c in text)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }
}

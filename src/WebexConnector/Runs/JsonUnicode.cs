using System.Text.Json;

namespace WebexConnector.Runs;

/// <summary>
/// JSON may escape half of a surrogate pair (<c>"\ud800"</c>), which is valid JSON but not text: reading it later
/// would fail deep inside an action. Every string and key is checked once, right after parsing.
/// </summary>
internal static class JsonUnicode
{
    /// <summary>Throws <see cref="ConnectorInvocationException"/> naming <paramref name="what"/> when a string is not valid Unicode.</summary>
    public static void Check(JsonElement element, string what)
    {
        try
        {
            Visit(element);
        }
        catch (InvalidOperationException)
        {
            throw new ConnectorInvocationException(
                $"The {what} is not valid Unicode: a string holds half of a surrogate pair (an escape such as \\ud800 without its partner).");
        }
    }

    private static void Visit(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                _ = element.GetString();
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    Visit(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Visit(item);
                }

                break;
        }
    }
}

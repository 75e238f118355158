namespace WebexConnector.Actions;

/// <summary>
/// Ids that go into a URL path, e.g. <c>/messages/{messageId}</c>. Refit escapes every reserved character, but
/// <c>.</c> and <c>..</c> need no escaping and are then resolved as dot segments: <c>DELETE /messages/..</c> would
/// become <c>DELETE /</c>. No Webex id looks like that, so such a value is refused before any request.
/// </summary>
internal static class PathIdParameter
{
    /// <summary>The failure message for <paramref name="value"/> of parameter <paramref name="name"/>, or <c>null</c> when it is usable.</summary>
    public static string? Problem(string name, string value) =>
        value is "." or ".."
            ? $"Parameter '{name}' must be a Webex id; '{value}' would change the request's path."
            : null;
}

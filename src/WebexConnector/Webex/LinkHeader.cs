namespace WebexConnector.Webex;

/// <summary>Finds the <c>rel="next"</c> URL in RFC 8288 <c>Link</c> headers, tolerating spacing, quoting and several links.</summary>
internal static class LinkHeader
{
    public static Uri? FindNext(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var headers))
        {
            return null;
        }

        foreach (var header in headers)
        {
            if (FindNext(header) is { } next)
            {
                return new Uri(response.RequestMessage?.RequestUri ?? new Uri("http://localhost/"), next);
            }
        }

        return null;
    }

    /// <summary>The raw next target of one header value, e.g. <c>&lt;https://x/v1/rooms?cursor=a&gt;; rel="next"</c>.</summary>
    public static string? FindNext(string header)
    {
        var position = 0;
        while (position < header.Length)
        {
            var open = header.IndexOf('<', position);
            var close = open < 0 ? -1 : header.IndexOf('>', open + 1);
            if (close < 0)
            {
                return null;
            }

            var target = header[(open + 1)..close].Trim();
            var nextOpen = header.IndexOf('<', close + 1);
            var parameters = nextOpen < 0 ? header[(close + 1)..] : header[(close + 1)..nextOpen];
            if (HasRelNext(parameters) && target.Length > 0)
            {
                return target;
            }

            position = nextOpen < 0 ? header.Length : nextOpen;
        }

        return null;
    }

    private static bool HasRelNext(string parameters)
    {
        foreach (var parameter in parameters.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0 || !parameter[..equals].Trim().Equals("rel", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = parameter[(equals + 1)..].Trim().Trim(',').Trim().Trim('"');
            if (value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(rel => rel.Equals("next", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}

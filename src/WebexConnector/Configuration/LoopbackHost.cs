using System.Net;

namespace WebexConnector.Configuration;

/// <summary>
/// Whether a URL's host is this machine: an IP address in 127.0.0.0/8 or ::1, parsed as an address, or exactly
/// <c>localhost</c>. Never a name that merely looks like one (<c>127.999.999.999</c> would go to DNS).
/// </summary>
internal static class LoopbackHost
{
    public static bool Is(Uri url) => url.HostNameType switch
    {
        UriHostNameType.IPv4 or UriHostNameType.IPv6 => IPAddress.TryParse(url.DnsSafeHost, out var address) && IPAddress.IsLoopback(address),
        UriHostNameType.Dns => string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}

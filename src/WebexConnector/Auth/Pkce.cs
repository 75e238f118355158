using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace WebexConnector.Auth;

/// <summary>PKCE (RFC 7636, S256) and the <c>state</c> value of one authorization request.</summary>
internal sealed record Pkce(string CodeVerifier, string CodeChallenge, string State)
{
    public const string Method = "S256";

    public static Pkce Create()
    {
        var verifier = RandomToken(32);
        return new Pkce(verifier, ChallengeFor(verifier), RandomToken(24));
    }

    public static string ChallengeFor(string codeVerifier) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(codeVerifier)));

    private static string RandomToken(int bytes) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>The verifier is a secret until it is used.</summary>
    public override string ToString() => "Pkce { S256 }";
}

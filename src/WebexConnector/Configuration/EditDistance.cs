namespace WebexConnector.Configuration;

/// <summary>
/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two neighbours each count
/// one edit, so <c>authorization_kye</c> is one edit from <c>authorization_key</c>.
/// </summary>
internal static class EditDistance
{
    // Keys longer than this are not typos of any setting; they are not compared (and cost nothing).
    private const int MaxComparedLength = 64;

    public static int Between(string a, string b)
    {
        if (a.Length > MaxComparedLength || b.Length > MaxComparedLength)
        {
            return int.MaxValue;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}

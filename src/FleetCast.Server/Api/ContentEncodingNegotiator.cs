namespace FleetCast.Server.Api;

/// <summary>Chooses a content coding from an Accept-Encoding header: brotli first, then gzip, else identity (null).</summary>
public static class ContentEncodingNegotiator
{
    public static string? Choose(string acceptEncoding, bool brotliAvailable = true, bool gzipAvailable = true)
    {
        var brotli = false;
        var gzip = false;
        foreach (var part in acceptEncoding.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pieces = part.Split(';', StringSplitOptions.TrimEntries);
            if (pieces.Skip(1).Any(p => p.Replace(" ", string.Empty) is "q=0" or "q=0.0" or "q=0.00" or "q=0.000"))
            {
                continue;
            }

            switch (pieces[0].ToLowerInvariant())
            {
                case "br":
                    brotli = true;
                    break;
                case "gzip":
                    gzip = true;
                    break;
                case "*":
                    brotli = true;
                    gzip = true;
                    break;
            }
        }

        return brotli && brotliAvailable ? "br" : gzip && gzipAvailable ? "gzip" : null;
    }
}
